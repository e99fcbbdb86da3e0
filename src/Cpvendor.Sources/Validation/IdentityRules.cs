namespace Cpvendor.Sources.Validation;

/// <summary>
/// What the identity checks of a sync need from the host: the account uid range of its login.defs
/// (UID_MIN..UID_MAX-1) and the uid of a UNIX account by name (null when the host has none).
/// </summary>
internal sealed record IdentityRules(long MinUid, long MaxUid, Func<string, long?> UnixUid)
{
    /// <summary>The uid of an administrator's UNIX user as recorded: any uid the host gives it.</summary>
    public long? AdminUnixUid(string? unixUser) => unixUser is null ? null : UnixUid(unixUser);

    /// <summary>The uid of a reseller's own UNIX account: the host's account of its name, when regular.</summary>
    public long? ResellerUnixUid(string name) =>
        UnixUid(name) is { } uid && Panel.Validation.AccountIds.IsValid(uid, MinUid, MaxUid) ? uid : null;
}
