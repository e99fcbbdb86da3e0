using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Sources;

/// <summary>
/// The state of the source for <c>doctor</c> and <c>sync --status</c>: when the last good sync was,
/// the last error (null after a good sync), and whether the data is past its maximum age.
/// </summary>
public sealed record SyncStatus(
    SourceSettings Settings,
    DateTimeOffset? LastGoodSync,
    DateTimeOffset? LastAttempt,
    string? LastError,
    string? Staleness)
{
    /// <summary>The records the last good read could not map (docs/panels/ispconfig.md, "Records that cannot be mapped").</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>The records the last good read could not accept (docs/contract.md section 8).</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    public static SyncStatus Read(InstallConfig config, DateTimeOffset now)
    {
        using var store = PanelStore.OpenForRead(config.Store);
        var row = store.Source();
        var settings = SourceSettings.From(row);
        if (row is null)
            return new SyncStatus(settings, null, null, null, null);
        static DateTimeOffset? Time(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
        using var reader = new PanelReader(store);
        return new SyncStatus(settings, Time(row.LastGoodSync), Time(row.LastAttempt), row.LastError, reader.Staleness(now))
        {
            Unmapped = SourceState.Unmapped(store),
            Rejected = SourceState.Rejected(store),
        };
    }

    /// <summary>Human-readable lines, one fact each.</summary>
    public IEnumerable<string> Describe(DateTimeOffset now)
    {
        yield return $"source: {SourceSettings.KindName(Settings.Kind)}" + (Settings.Server is { } s ? $" (server {s})" : "");
        if (Settings.Kind == SourceKind.Embedded)
            yield break;
        yield return LastGoodSync is { } good
            ? $"last good sync: {good:u} ({(long)(now - good).TotalSeconds} s ago)"
            : "last good sync: never";
        if (LastError is not null)
            yield return $"last error ({LastAttempt:u}): {LastError}";
        yield return "maximum age: " + (Settings.MaxAgeSeconds is { } m ? $"{m} s" : "none (stale data is served)");
        yield return "hooks from changes: " + (Settings.DeriveHooks ? "derived" : "off (the panel calls them)");
        if (Staleness is not null)
            yield return "STALE: " + Staleness;
        if (Rejected.Count > 0)
        {
            yield return $"rejected: {Rejected.Count} record(s) of the panel were not accepted; each keeps its last accepted version or waits:";
            foreach (var record in Rejected)
                yield return "  " + record;
        }

        if (Unmapped.Count > 0)
        {
            yield return $"unmapped: {Unmapped.Count} record(s) of the panel could not be served from this host:";
            foreach (var record in Unmapped)
                yield return "  " + record;
        }
    }
}
