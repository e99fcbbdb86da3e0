namespace Cpvendor.Sources.Validation;

/// <summary>
/// What a sync judges records by besides the records themselves: UID_MAX (the floor of reseller
/// ids), whether the panel allows accounts to share a uid, and the host's account range and UNIX
/// accounts (<see cref="IdentityRules"/>).
/// </summary>
internal sealed record SnapshotRules(long MaxUid, bool AllowDuplicateUids, IdentityRules Identities);
