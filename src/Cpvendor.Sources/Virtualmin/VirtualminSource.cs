using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cpvendor.Core;
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
    private readonly Func<IReadOnlyList<PhpVersionRow>> php;

    public VirtualminSource(InstallConfig config, string configDir, Func<IReadOnlyList<PhpVersionRow>> php)
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
        var result = new VirtualminReader(layout, root, php()).Read(problems);
        Unmapped = result.Unmapped;
        return result.Snapshot;
    }

    /// <summary>
    /// Sizes and modification times (nanoseconds) of every file the mapping reads and of their
    /// folders, plus this host's passwd: Virtualmin rewrites a record by renaming a new file over
    /// it, and a UNIX user appearing or going changes what can be served. The PHP versions
    /// configured in the store count too (they decide each domain's php_version_id). Hashed to a
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
        foreach (var file in layout.DomainFiles().Concat(layout.PlanFiles()))
            Add(file);
        foreach (var acl in Directory.EnumerateFiles(layout.ConfigDir, "*.acl").Order(StringComparer.Ordinal))
            Add(acl);
        foreach (var row in php())
            text.Append("php ").Append(row.Identifier).Append(' ').Append(row.Version).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}
