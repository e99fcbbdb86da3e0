namespace Cpvendor.Store;

/// <summary>The packages a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    public bool PackageExists(string owner, string name) =>
        Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name));

    /// <summary>Renames a package; its users follow through ON UPDATE CASCADE.</summary>
    public void RenamePackage(string owner, string name, string newName) =>
        Execute("UPDATE packages SET name = $new WHERE owner = $o AND name = $n", ("$new", newName), ("$o", owner), ("$n", name));

    public long UsersOfPackage(string owner, string name) =>
        Count("SELECT count(*) FROM users WHERE package_owner = $o AND package_name = $n", ("$o", owner), ("$n", name));

    public void DeletePackage(string owner, string name) =>
        Execute("DELETE FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name));
}
