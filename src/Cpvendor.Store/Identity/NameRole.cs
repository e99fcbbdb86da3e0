namespace Cpvendor.Store.Identity;

/// <summary>The ways an entity of the panel holds a name (docs/contract.md section 3).</summary>
public enum NameRole
{
    /// <summary>An administrator's panel name.</summary>
    AdminName,

    /// <summary>An administrator's UNIX user (admins.unix_user).</summary>
    AdminUnixUser,

    /// <summary>A reseller's panel name.</summary>
    ResellerName,

    /// <summary>A hosting account's username.</summary>
    Username,
}
