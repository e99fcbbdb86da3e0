using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>The administrators and resellers a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    public bool AdminExists(string name) => Exists("SELECT 1 FROM admins WHERE name = $n", ("$n", name));

    public bool ResellerExists(string name) => Exists("SELECT 1 FROM resellers WHERE name = $n", ("$n", name));

    /// <summary>An administrator or a reseller of that name: someone who may own users and packages.</summary>
    public bool OwnerExists(string name) =>
        Exists("SELECT 1 FROM admins WHERE name = $o UNION ALL SELECT 1 FROM resellers WHERE name = $o", ("$o", name));

    public bool AnyAdmin() => Exists("SELECT 1 FROM admins");

    /// <summary>Whether <paramref name="unixUser"/> is the UNIX account of some administrator.</summary>
    public bool AdminUsesUnixUser(string unixUser) => Exists("SELECT 1 FROM admins WHERE unix_user = $u", ("$u", unixUser));

    /// <summary>The administrator's main flag and UNIX account, or null when there is no such administrator.</summary>
    public (bool IsMain, string? UnixUser)? FindAdmin(string name)
    {
        if (Scalar("SELECT is_main FROM admins WHERE name = $n", ("$n", name)) is not long main)
            return null;
        return (main == 1, Scalar("SELECT unix_user FROM admins WHERE name = $n", ("$n", name)) as string);
    }

    /// <summary>The first administrator by name, or null when none is left.</summary>
    public string? FirstAdminName() => Scalar("SELECT name FROM admins ORDER BY name LIMIT 1") as string;

    /// <summary>Makes <paramref name="name"/> the main administrator, or (null) leaves none marked main.</summary>
    public void SetMainAdmin(string? name)
    {
        Execute("UPDATE admins SET is_main = 0 WHERE is_main = 1");
        if (name is not null)
            Execute("UPDATE admins SET is_main = 1 WHERE name = $n", ("$n", name));
    }

    public void DeleteAdmin(string name) => Execute("DELETE FROM admins WHERE name = $n", ("$n", name));

    /// <summary>The reseller whose LVE id is <paramref name="id"/>, if any.</summary>
    public string? ResellerWithId(long id) => Scalar("SELECT name FROM resellers WHERE reseller_id = $i", ("$i", id)) as string;

    public void DeleteReseller(string name) => Execute("DELETE FROM resellers WHERE name = $n", ("$n", name));

    /// <summary>How many users and packages <paramref name="owner"/> owns.</summary>
    public (long Users, long Packages) Owned(string owner) => (
        Count("SELECT count(*) FROM users WHERE owner = $o", ("$o", owner)),
        Count("SELECT count(*) FROM packages WHERE owner = $o", ("$o", owner)));
}
