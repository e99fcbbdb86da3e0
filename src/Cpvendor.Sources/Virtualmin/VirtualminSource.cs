using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cpvendor.Core;
using Cpvendor.Sources.Php;
using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Validation;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>
/// Virtualmin as a source: its virtual-server files read into a snapshot (<see cref="VirtualminReader"/>),
/// the records that cannot be served written for <c>sync --status</c> and the doctor
/// (<see cref="IUnmappedRecords"/>, kept by the sync with its read), and a change marker from file times.
/// </summary>
internal sealed class VirtualminSource : IViewSource, IChangeMarker, IUnmappedRecords
{
    private readonly VirtualminLayout layout;
    private readonly string root;
    private readonly Func<PhpSetup> php;

    public VirtualminSource(InstallConfig config, string configDir, Func<PhpSetup> php)
    {
        root = config.Root;
        layout = new VirtualminLayout(Resolve(config.Root, configDir));
        this.php = php;
    }

    /// <summary>The configured folder as this install sees it: under the install's root, like every host path.</summary>
    public static string Resolve(string root, string configDir) =>
        Path.GetFullPath(root) == "/" ? configDir : InstallLayout.Under(root, configDir.TrimStart('/'));

    /// <summary>The records of the last read that could not be served here, kept by the sync with that read.</summary>
    public IReadOnlyList<string> Unmapped { get; private set; } = [];

    public PanelSnapshot Read(string? server, SourceProblems problems)
    {
        var result = new VirtualminReader(layout, root, Php()).Read(problems);
        Unmapped = result.Unmapped;
        return result.Snapshot;
    }

    /// <summary>The builds configured and found on this host (docs/panels/php.md).</summary>
    private HostPhp Php() => new(php(), PhpDiscovery.Discover(root), []);

    /// <summary>
    /// Sizes and modification times (nanoseconds) of every file the mapping reads and of their
    /// folders, plus this host's passwd: Virtualmin rewrites a record by renaming a new file over
    /// it, and a UNIX user appearing or going changes what can be served. Database-only user files
    /// count too (their logins go into db_info and the Governor map). The PHP versions
    /// configured in the store and found on the host count too (they decide each domain's php_version_id). Hashed to a
    /// short token.
    /// </summary>
    public string? ReadMarker(string? server)
    {
        if (!Directory.Exists(layout.ConfigDir))
            return null;
        var text = new StringBuilder();
        void Add(string path)
        {
            var info = new FileInfo(path);
            var dir = new DirectoryInfo(path);
            var time = info.Exists ? info.LastWriteTimeUtc : dir.Exists ? dir.LastWriteTimeUtc : DateTime.MinValue;
            text.Append(path).Append(' ').Append(info.Exists ? info.Length : -1).Append(' ')
                .Append(time.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Add(layout.ConfigDir);
        Add(layout.DomainsDir);
        Add(layout.PlansDir);
        Add(PasswdFile.PathUnder(root));
        Add(layout.UsersDir);
        foreach (var file in layout.DomainFiles().Concat(layout.PlanFiles()))
            Add(file);
        // Database-only users: a new, renamed or deleted NAME.user changes its folder, an edited one its file.
        foreach (var file in layout.DomainFiles())
        {
            var id = new VirtualServer(Core.Webmin.KeyValueFile.Read(file), Path.GetFileName(file)).Id;
            Add(layout.DbUsersDir(id));
            foreach (var user in layout.DbUserFiles(id))
                Add(user);
        }

        foreach (var acl in Directory.EnumerateFiles(layout.ConfigDir, "*.acl").Order(StringComparer.Ordinal))
            Add(acl);
        var host = Php();
        foreach (var row in host.Builds)
            text.Append("php ").Append(row).Append('\n');
        text.Append("default php ").Append(host.Fallback).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
