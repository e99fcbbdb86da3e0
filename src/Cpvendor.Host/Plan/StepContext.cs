using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Host.Plan;

/// <summary>What every step shares: the root, whether we are root, the manifest, and a log of this run.</summary>
internal sealed class StepContext
{
    public StepContext(string root, InstallManifest manifest, TextWriter log)
    {
        Root = root;
        Manifest = manifest;
        Log = log;
        AsRoot = Libc.GetEuid() == 0;
        IsRealRoot = Path.GetFullPath(root) == "/";
    }

    public string Root { get; }

    public InstallManifest Manifest { get; }

    public TextWriter Log { get; }

    /// <summary>Running as root: ownership is set and system groups can be created.</summary>
    public bool AsRoot { get; }

    /// <summary>The root is the real <c>/</c>: host tools (cagefsctl) may be run.</summary>
    public bool IsRealRoot { get; }

    /// <summary>Tags that applied steps raise for later steps (a CageFS file changed: refresh CageFS).</summary>
    public HashSet<string> Raised { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems that did not stop the install (a failing hook) and are reported at the end.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Creates a folder and every missing parent with the given mode, recording each one created.</summary>
    public void EnsureDirectory(string path, UnixFileMode mode)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return;
        var parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            EnsureDirectory(parent, FileModes.PublicFolder);
        if (!Libc.CreateDirectoryExclusive(full, mode))
            throw Core.CpvendorException.Io($"{full} appeared while install was creating it: refusing to use a folder it did not make");
        Libc.SetOwnerAndModeNoFollow(full, mode, AsRoot ? 0u : null, AsRoot ? 0u : null, directory: true);
        Manifest.Record(new Change(ChangeKind.CreatedDir, full));
    }
}
