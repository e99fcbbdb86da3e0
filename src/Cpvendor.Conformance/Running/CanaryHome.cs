using System.Globalization;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// A home folder made for one run of the checker and written only by a process running as the
/// user it belongs to: root creates an empty parent (0700, a fresh random name) and hands it to the
/// user; the user's own process creates the home inside it and plants the files. Markers are listed
/// and removed by the user's process too, so root never walks a folder the user controls.
/// </summary>
internal sealed class CanaryHome : IDisposable
{
    /// <summary>Every file a canary writes when it runs starts with this name.</summary>
    public const string MarkerPrefix = ".cpvendor-canary-";

    private const string PlantScript =
        "set -e; umask 077; home=$1; shift; mkdir -m 700 \"$home\"; cd \"$home\"; " +
        "while [ $# -gt 1 ]; do mkdir -p \"$(dirname \"$1\")\"; printf '%s' \"$2\" > \"$1\"; shift 2; done";

    private readonly RunAs user;
    private readonly TimeSpan timeout;
    private readonly DirectoryInfo parent;

    private CanaryHome(RunAs user, TimeSpan timeout, DirectoryInfo parent)
    {
        this.user = user;
        this.timeout = timeout;
        this.parent = parent;
        Path = System.IO.Path.Combine(parent.FullName, "home");
    }

    public string Path { get; }

    /// <summary>Creates the home as <paramref name="user"/> with the given files (relative path, content); the error when it cannot.</summary>
    public static (CanaryHome? Home, string? Error) Create(RunAs user, TimeSpan timeout, IEnumerable<(string Path, string Content)> files)
    {
        var parent = Directory.CreateTempSubdirectory("cpvendor-check-home-");
        File.SetUnixFileMode(parent.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Cpvendor.Core.Native.Libc.Chown(parent.FullName, user.Uid, user.Gid);
        var home = new CanaryHome(user, timeout, parent);
        var argv = user.Prefix().Concat(["/bin/sh", "-c", PlantScript, "sh", home.Path]).ToList();
        foreach (var (path, content) in files)
            argv.AddRange([path.Replace("~", home.Path, StringComparison.Ordinal), content.Replace("~", home.Path, StringComparison.Ordinal)]);
        var outcome = ChildRun.Of(argv, timeout);
        if (outcome.ExitCode == 0)
            return (home, null);
        home.Dispose();
        return (null, $"could not prepare a home for {user.Name} (uid {user.Uid.ToString(CultureInfo.InvariantCulture)}): {outcome.StartError ?? outcome.Stderr.Trim()}");
    }

    /// <summary>The markers canaries have written since the last call, removed as they are read (by the user's process).</summary>
    public IReadOnlyList<string> TakeMarkers()
    {
        const string Take = "cd \"$1\" || exit 1; for f in " + MarkerPrefix + "*; do if [ -f \"$f\" ]; then echo \"$f\"; rm -f -- \"$f\"; fi; done";
        var outcome = ChildRun.Of(user.Prefix().Concat(["/bin/sh", "-c", Take, "sh", Path]).ToList(), timeout);
        var found = outcome.Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name[MarkerPrefix.Length..]).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    public void Dispose()
    {
        ChildRun.Of(user.Prefix().Concat(["/bin/rm", "-rf", "--", Path]).ToList(), timeout);
        try
        {
            parent.Delete();
        }
        catch (IOException)
        {
            // The user's process left something it may not remove: the folder stays for an administrator to look at.
        }
    }
}
