namespace Cpvendor.Store.Model;

/// <summary>
/// The store's source of truth and the state of its last syncs: <paramref name="Kind"/> is the
/// stored name (embedded, mysql, postgres, virtualmin, ispconfig), times in Unix seconds.
/// </summary>
public sealed record SourceRow(
    string Kind,
    string? Server,
    int? MaxAgeSeconds,
    bool DeriveHooks,
    long? LastGoodSync,
    long? LastAttempt,
    string? LastError);
