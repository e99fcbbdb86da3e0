using System.Text;
using System.Text.RegularExpressions;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;
using Cpvendor.Core.Processes;
using Cpvendor.Panel.Validation;

namespace Cpvendor.Panel.Selector;

/// <summary>
/// Recreates an account's PHP Selector settings after a restore, the way the seed's "Creating new
/// user account" gives it: ask <c>cagefsctl --getprefix NAME</c>, remove
/// <c>/var/cagefs/PREFIX/NAME/etc/cl.selector</c> and <c>.../etc/cl.php.d</c>, then run
/// <c>cagefsctl --force-update-etc NAME</c>; every command an argument vector. The folders come from
/// a validated name and prefix and must lie, without following any link, under
/// <c>/var/cagefs/</c> in folders only root can change; anything else is refused
/// (docs/contract.md section 6). On a folder standing for /, or in a dry run, the steps are only
/// described: cagefsctl is never run there.
/// </summary>
public static partial class SelectorReset
{
    private const string CageFsCtl = "/usr/sbin/cagefsctl";

    public static readonly string[] Leaves = ["cl.selector", "cl.php.d"];

    private const uint GroupOrOtherWrite = 0b000_010_010;
    private const uint Sticky = 0b001_000_000_000;

    /// <summary>The steps for an account, with the prefix as cagefsctl will print it.</summary>
    public static IReadOnlyList<string> Describe(string name, string prefix = "<prefix>")
    {
        name = Account(name);
        var steps = new List<string> { $"run: {CageFsCtl} --getprefix {name}" };
        steps.AddRange(Leaves.Select(leaf => $"remove: /var/cagefs/{prefix}/{name}/etc/{leaf}"));
        steps.Add($"run: {CageFsCtl} --force-update-etc {name}");
        return steps;
    }

    /// <summary>Runs the steps on the real root and returns what was done; elsewhere returns what would be.</summary>
    public static IReadOnlyList<string> Run(InstallConfig config, string name, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(config);
        name = Account(name);
        if (dryRun || Path.GetFullPath(config.Root) != "/")
            return Describe(name).Select(s => "would " + s).ToList();
        if (!File.Exists(CageFsCtl))
            throw CpvendorException.Invalid($"{CageFsCtl} is missing: CageFS is not installed, there are no PHP Selector settings to recreate");

        var prefix = Prefix(Tool(["--getprefix", name]).Trim());
        var done = new List<string> { $"ran: {CageFsCtl} --getprefix {name} -> {prefix}" };
        done.AddRange(Remove("/", prefix, name).Select(p => "removed: " + p));
        Tool(["--force-update-etc", name]);
        done.Add($"ran: {CageFsCtl} --force-update-etc {name}");
        return done;
    }

    /// <summary>
    /// Removes the account's two PHP Selector folders under <paramref name="root"/>, refusing a link
    /// or a folder others than root may change anywhere on the way. Every folder from <c>var</c> down
    /// to the account's <c>etc</c> is opened relative to the one above it without following links and
    /// judged on what was opened; the two trees are then removed through <see cref="DescriptorTree"/>,
    /// relative to that <c>etc</c>, so nothing a user renames or links meanwhile is followed. Returns
    /// the folders removed.
    /// </summary>
    public static IReadOnlyList<string> Remove(string root, string prefix, string name)
    {
        name = Account(name);
        prefix = Prefix(prefix);
        var top = Libc.OpenFolderAt(Libc.CurrentFolder, Encoding.UTF8.GetBytes(Path.GetFullPath(root)), followLink: true);
        if (top < 0)
            throw CpvendorException.Io($"cannot open {root}: errno {-top}");
        var held = new List<int> { top };
        try
        {
            var folder = InstallLayout.Under(root, "");
            foreach (var component in new[] { "var", "cagefs", prefix, name, "etc" })
            {
                folder = Path.Combine(folder, component);
                var fd = Libc.OpenFolderAt(held[^1], Encoding.UTF8.GetBytes(component));
                if (fd == -Libc.ErrNoEntry)
                    return [];
                if (fd is -Libc.ErrLoop or -Libc.ErrNotDirectory)
                    throw CpvendorException.Invalid($"refused: {folder} is a link or not a folder");
                if (fd < 0)
                    throw CpvendorException.Io($"cannot open {folder}: errno {-fd}");
                held.Add(fd);
                var status = Libc.StatusAt(fd, []) ?? throw CpvendorException.Io($"cannot read {folder}");
                if (status.Uid != 0 && Libc.GetEuid() == 0)
                    throw CpvendorException.Invalid($"refused: {folder} does not belong to root");
                if ((status.Mode & GroupOrOtherWrite) != 0 && (status.Mode & Sticky) == 0)
                    throw CpvendorException.Invalid($"refused: others than root may change {folder}");
            }

            var removed = new List<string>();
            foreach (var leaf in Leaves)
            {
                var target = Path.Combine(folder, leaf);
                if (DescriptorTree.Remove(held[^1], Encoding.UTF8.GetBytes(leaf), target))
                    removed.Add(target);
            }

            return removed;
        }
        finally
        {
            foreach (var fd in held)
                Libc.CloseDescriptor(fd);
        }
    }

    /// <summary>An account name to its true end (a trailing newline is not a name).</summary>
    public static string Account(string value) =>
        AccountPattern().IsMatch(value) ? value : throw CpvendorException.Invalid($"refused: '{Names.Show(value)}' is not an account name");

    /// <summary>A prefix as cagefsctl prints it: a short run of letters, digits, '_' or '-', nothing else.</summary>
    public static string Prefix(string value) =>
        PrefixPattern().IsMatch(value) ? value : throw CpvendorException.Invalid($"refused: '{Names.Show(value)}' is not a CageFS prefix");

    private static string Tool(string[] arguments)
    {
        var run = ChildProcess.Run([CageFsCtl, .. arguments], new ChildOptions { Timeout = TimeSpan.FromMinutes(5) });
        if (run.StartError is { } problem)
            throw CpvendorException.Io(problem);
        if (run.TimedOut)
            throw CpvendorException.Io($"{CageFsCtl} {string.Join(' ', arguments)} timed out");
        return run.ExitCode == 0
            ? run.Stdout
            : throw CpvendorException.Io($"{CageFsCtl} {string.Join(' ', arguments)} failed ({run.ExitCode}): {run.Stderr.Trim()}");
    }

    [GeneratedRegex("\\A[a-z_][a-z0-9_.-]{0,31}\\z")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("\\A[A-Za-z0-9_-]{1,16}\\z")]
    private static partial Regex PrefixPattern();
}
