using Cpvendor.Core;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// Where an account may live and serve from (docs/lifecycle.md "What a panel may record"): a home is
/// an absolute path at least two folders deep, never <c>/</c>, <c>/root</c> or a system folder, and
/// never the home of another account, inside it or around it; a document root lies inside its
/// owner's home. Paths are judged as written: <c>.</c> and <c>..</c> parts are refused outright
/// (<see cref="Names.AbsolutePath"/>), so no path escapes by resolution.
/// </summary>
internal static class PanelPaths
{
    // Folders of the system and of the software root runs, at any depth below them; a top-level
    // folder (/var, /opt, /home, ...) is refused by itself as well (see HomeProblem).
    private static readonly string[] SystemFolders =
    [
        "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/root", "/run",
        "/sbin", "/sys", "/tmp", "/usr", "/opt", "/snap", "/lost+found", "/var/tmp", "/var/lib", "/var/log",
        "/var/run", "/var/lock", "/var/spool", "/var/cache", "/var/mail", "/var/cagefs", "/var/lve",
        "/var/empty", "/var/db", "/var/opt", "/var/backups", "/var/crash", "/var/account", "/var/kerberos",
        "/var/yp",
    ];

    /// <summary>Why a home is not acceptable on its own, or null.</summary>
    public static string? HomeProblem(string home)
    {
        foreach (var system in SystemFolders)
        {
            if (Within(home, system))
                return $"home '{Names.Show(home)}' is inside the system folder {system}";
        }

        return home.Count(c => c == '/') < 2
            ? $"home '{Names.Show(home)}' is a top-level folder; give the account a folder of its own (e.g. /home/NAME)"
            : null;
    }

    /// <summary>A valid home directory (shape and place), or throws.</summary>
    public static string Home(string? value)
    {
        var home = Names.AbsolutePath(value, "home directory");
        return HomeProblem(home) is { } why ? throw CpvendorException.Invalid(why) : home;
    }

    /// <summary>
    /// Why <paramref name="home"/> cannot be the home of the account of <paramref name="uid"/> on a host
    /// with these UNIX <paramref name="accounts"/>, or null. It may not be the home of another UNIX
    /// account (an administrator's, a service's) nor contain one, and may not lie inside the home of
    /// another regular account (uid <paramref name="minUid"/> and up). A service's home may hold homes
    /// (a web server's <c>/var/www</c> holds ISPConfig's); the homes of system folders are refused by
    /// <see cref="HomeProblem"/> already. Accounts of the same uid (the account's own) and homes that
    /// name no folder of their own (<c>/</c>, a relative path) are passed over.
    /// </summary>
    public static string? UnixHomeProblem(string home, long uid, long minUid, IEnumerable<(string Name, uint Uid, string Home)> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        foreach (var (name, otherUid, otherHome) in accounts)
        {
            var other = otherHome.TrimEnd('/');
            if (otherUid == uid || other.Length == 0 || other[0] != '/')
                continue;
            if (Within(other, home))
                return $"home '{Names.Show(home)}' is or contains the home {other} of the UNIX account '{Names.Show(name)}'";
            if (otherUid >= minUid && Within(home, other))
                return $"home '{Names.Show(home)}' lies inside the home {other} of the UNIX account '{Names.Show(name)}'";
        }

        return null;
    }

    /// <summary>A valid document root of an account whose home is <paramref name="home"/>, or throws.</summary>
    public static string DocumentRoot(string? value, string home)
    {
        var root = Names.AbsolutePath(value, "document root");
        return Within(root, home)
            ? root
            : throw CpvendorException.Invalid($"document root '{Names.Show(root)}' is outside the owner's home {home}");
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies inside it.</summary>
    public static bool Within(string path, string folder) =>
        path == folder || (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/');
}
