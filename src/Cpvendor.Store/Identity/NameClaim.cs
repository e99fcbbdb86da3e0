namespace Cpvendor.Store.Identity;

/// <summary>
/// One name held by one entity: <paramref name="Holder"/> is the entity's key in its table (the
/// administrator's or reseller's name, the account's username), <paramref name="Uid"/> the UNIX uid
/// of the identity behind it when it has one (an account's uid; an administrator's or reseller's own
/// UNIX account's uid as resolved when it was recorded).
/// </summary>
public sealed record NameClaim(string Name, NameRole Role, string Holder, long? Uid)
{
    /// <summary>True for the roles of administrator and reseller names, which are unique among each other.</summary>
    public bool IsOwnerName => Role is NameRole.AdminName or NameRole.ResellerName;

    /// <summary>What the claim is, for a message: "administrator 'boss'", "account 'alice'".</summary>
    public string Describe() => Role switch
    {
        NameRole.AdminName => $"administrator '{Holder}'",
        NameRole.AdminUnixUser => $"the UNIX user of administrator '{Holder}'",
        NameRole.ResellerName => $"reseller '{Holder}'",
        _ => $"account '{Holder}'" + (Uid is { } uid ? $" (uid {uid})" : ""),
    };
}
