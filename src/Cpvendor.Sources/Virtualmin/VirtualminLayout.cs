using Cpvendor.Core.Webmin;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>
/// Where Virtualmin keeps what the source reads, under its module configuration folder
/// (<c>/etc/webmin/virtual-server</c> by default): <c>domains/ID</c> and <c>plans/ID</c> files and,
/// for each Webmin user with rights in the module, <c>NAME.acl</c> (a reseller's has <c>reseller=1</c>).
/// </summary>
public sealed class VirtualminLayout(string configDir)
{
    public const string DefaultConfigDir = "/etc/webmin/virtual-server";

    public string ConfigDir { get; } = configDir;

    public string DomainsDir => Path.Combine(ConfigDir, "domains");

    public string PlansDir => Path.Combine(ConfigDir, "plans");

    /// <summary>Virtualmin's extra users, <c>users/DOMID/TYPE/NAME.user</c> (<c>users-lib.pl</c>).</summary>
    public string UsersDir => Path.Combine(ConfigDir, "users");

    /// <summary>The folder of a domain's database-only users, <c>users/DOMID/db</c>.</summary>
    public string DbUsersDir(string domainId) => Path.Combine(UsersDir, domainId, "db");

    /// <summary>A domain's database-only user files (<c>NAME.user</c>, as Virtualmin lists them); none when the id could leave the folder.</summary>
    public IEnumerable<string> DbUserFiles(string domainId) =>
        domainId.Length == 0 || domainId.Contains('/', StringComparison.Ordinal) || domainId is "." or ".."
            ? []
            : Files(DbUsersDir(domainId)).Where(f => f.EndsWith(".user", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.'));

    /// <summary>The module configuration, which holds <c>pre_command</c> and <c>post_command</c>.</summary>
    public string ConfigFile => Path.Combine(ConfigDir, "config");

    /// <summary>The domain files, by Virtualmin's own listing rule: no dot files, no lock, backup or editor files.</summary>
    public IEnumerable<string> DomainFiles() => Files(DomainsDir).Where(IsDomainFile);

    /// <summary>Plan files are named by a number; anything else in the folder is not a plan.</summary>
    public IEnumerable<string> PlanFiles() => Files(PlansDir).Where(f => Path.GetFileName(f).All(char.IsAsciiDigit));

    /// <summary>Names of the Webmin users whose module ACL makes them resellers.</summary>
    public IEnumerable<string> Resellers() =>
        Files(ConfigDir)
            .Where(f => f.EndsWith(".acl", StringComparison.Ordinal))
            .Where(f => KeyValueFile.Read(f).GetValueOrDefault("reseller") is { Length: > 0 } flag && flag != "0")
            .Select(f => Path.GetFileName(f)[..^4]);

    public static bool IsDomainFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Length == 0 || name.StartsWith('.') || name.EndsWith('~'))
            return false;
        var dot = name.LastIndexOf('.');
        var extension = dot < 0 ? "" : name[(dot + 1)..].ToLowerInvariant();
        return extension is not ("lock" or "bak" or "rpmsave" or "sav" or "swp" or "webmintmp");
    }

    private static List<string> Files(string dir)
    {
        if (!Directory.Exists(dir))
            return [];
        // Only regular files: a link in a root-only folder is not something Virtualmin wrote.
        return Directory.EnumerateFiles(dir)
            .Where(f => (File.GetAttributes(f) & FileAttributes.ReparsePoint) == 0)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
