namespace Cpvendor.Store;

/// <summary>The domains a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    /// <summary>The account owning <paramref name="domain"/>, or null when there is no such domain.</summary>
    public string? DomainOwner(string domain) => Scalar("SELECT owner FROM domains WHERE name = $d", ("$d", domain)) as string;

    public bool IsMainDomain(string domain) => Exists("SELECT 1 FROM domains WHERE name = $d AND is_main = 1", ("$d", domain));

    public bool HasMainDomain(string owner) => Exists("SELECT 1 FROM domains WHERE owner = $u AND is_main = 1", ("$u", owner));

    public bool PhpVersionExists(string identifier) => Exists("SELECT 1 FROM php_versions WHERE identifier = $p", ("$p", identifier));

    /// <summary>The home directory of account <paramref name="username"/>, which must exist.</summary>
    public string UserHome(string username) => (string)Scalar("SELECT home FROM users WHERE username = $u", ("$u", username))!;

    /// <summary>The domains of <paramref name="owner"/> ending in <c>.</c><paramref name="parent"/>, in name order.</summary>
    public IReadOnlyList<string> SubdomainsOf(string owner, string parent)
        => Rows("SELECT name FROM domains WHERE owner = $o AND substr(name, -length($suffix)) = $suffix ORDER BY name",
            r => r.GetString(0), ("$o", owner), ("$suffix", "." + parent));

    public void RenameDomain(string domain, string newName) =>
        Execute("UPDATE domains SET name = $to WHERE name = $from", ("$to", newName), ("$from", domain));

    public void DeleteDomain(string domain) => Execute("DELETE FROM domains WHERE name = $d", ("$d", domain));
}
