using Cpvendor.Core.Native;

namespace Cpvendor.Core.Paths;

/// <summary>
/// Whether only root can change what a path names: the one test every root command applies before
/// it uses a folder it did not create or runs a program a user might have written (docs/security.md,
/// "Paths root trusts"). A path is trusted when, walking from <c>/</c> without following links,
/// <list type="bullet">
/// <item>every component exists and is owned by root;</item>
/// <item>no component is writable by others, nor by its group unless that group is root's (gid 0);</item>
/// <item>no component's POSIX access ACL lets a user or group other than root's write it
/// (<see cref="AclWriters"/>: a named entry or the owning group's, as far as the mask allows);</item>
/// <item>the one exception is a folder above the last component that is sticky (<c>/tmp</c>): others may
/// write there, but since the entry below it is root's, only root can rename or remove it;</item>
/// <item>a symbolic link counts as what it points at: it is root's and sits in a trusted folder (so nobody
/// else can replace it) and its target is walked by the same rules.</item>
/// </list>
/// Since every folder on the way can be changed by root alone, the answer stays true until root
/// changes it: nothing a user does after the check can swap a component (no check-then-use race).
/// </summary>
public static class TrustedPath
{
    private const uint GroupWrite = 0b000_010_000;
    private const uint OtherWrite = 0b000_000_010;
    private const uint Sticky = 0b001_000_000_000;
    private const int MaxLinks = 40;

    /// <summary>Null when only root can change <paramref name="path"/>; otherwise which component is not root's alone, and why.</summary>
    public static string? Problem(string path) => Problem(path, stickyLast: false);

    /// <summary>
    /// Null when <paramref name="folder"/> may hold a new entry that root makes with an exclusive create
    /// (<c>mkdir(2)</c>): as <see cref="Problem(string)"/>, except that the folder itself may be sticky
    /// and open to all, like <c>/tmp</c>, since nobody else can then rename or remove root's entry.
    /// </summary>
    public static string? ProblemAsParent(string folder) => Problem(folder, stickyLast: true);

    private static string? Problem(string path, bool stickyLast)
    {
        if (!Path.IsPathRooted(path))
            return $"{path} is not an absolute path";
        var pending = Path.GetFullPath(path);
        for (var hops = 0; hops <= MaxLinks; hops++)
        {
            var (problem, link) = Walk(pending, stickyLast);
            if (link is null)
                return problem;
            pending = link;
        }

        return $"{path}: more than {MaxLinks} symbolic links";
    }

    /// <summary>Throws <see cref="CpvendorException.Untrusted"/> naming <paramref name="what"/> unless the path is trusted.</summary>
    public static void Require(string path, string what)
    {
        if (Problem(path) is { } problem)
            throw CpvendorException.Untrusted($"{what} {path} can be changed by a user other than root ({problem})");
    }

    /// <summary>Throws <see cref="CpvendorException.Untrusted"/> unless <see cref="ProblemAsParent"/> finds nothing.</summary>
    public static void RequireAsParent(string folder, string what)
    {
        if (ProblemAsParent(folder) is { } problem)
            throw CpvendorException.Untrusted($"{what} {folder} can be changed by a user other than root ({problem})");
    }

    /// <summary>The path itself when it exists (a link counts), else the nearest folder above it that does.</summary>
    public static string NearestExisting(string path)
    {
        var existing = Path.GetFullPath(path);
        while (Libc.LinkStatus(existing) is null && Path.GetDirectoryName(existing) is { } parent)
            existing = parent;
        return existing;
    }

    /// <summary>Walks one absolute, normalised path: a problem, or the path to walk next when a link was met.</summary>
    private static (string? Problem, string? Link) Walk(string full, bool stickyLast)
    {
        var parts = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        if (Judge(current, last: parts.Length == 0 && !stickyLast) is { } rootProblem)
            return (rootProblem, null);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = current == "/" ? "/" + parts[i] : current + "/" + parts[i];
            var status = Libc.LinkStatus(next);
            if (status is null)
                return ($"{next} does not exist", null);
            var rest = string.Join('/', parts.Skip(i + 1));
            if ((status.Value.Mode & Libc.TypeMask) == Libc.TypeSymlink)
            {
                // The folder holding the link is trusted (walked already); a link of root's in it cannot
                // be replaced by anyone else, even when that folder is sticky and open to all.
                if (status.Value.Uid != 0)
                    return ($"{next} is a symbolic link owned by uid {status.Value.Uid}", null);
                var target = new FileInfo(next).LinkTarget ?? "";
                var resolved = target.StartsWith('/') ? target : Path.Combine(current, target);
                return (null, Path.GetFullPath(rest.Length == 0 ? resolved : Path.Combine(resolved, rest)));
            }

            if (Judge(next, last: i == parts.Length - 1 && !stickyLast, status.Value) is { } problem)
                return (problem, null);
            current = next;
        }

        return (null, null);
    }

    private static string? Judge(string path, bool last, (uint Uid, uint Gid, uint Mode)? known = null)
    {
        var status = known ?? Libc.LinkStatus(path);
        if (status is not { } s)
            return $"{path} does not exist";
        if (s.Uid != 0)
            return $"{path} is owned by uid {s.Uid}";
        var isDirectory = (s.Mode & Libc.TypeMask) == Libc.TypeDirectory;
        var aclWriter = AclProblem(path, s.Gid);
        var othersWrite = (s.Mode & OtherWrite) != 0 || ((s.Mode & GroupWrite) != 0 && s.Gid != 0) || aclWriter is not null;
        if (!othersWrite)
            return null;
        if (isDirectory && !last && (s.Mode & Sticky) != 0)
            return null; // like /tmp: the entry below must be root's, which the next step checks
        if ((s.Mode & OtherWrite) != 0)
            return $"{path} is writable by every user";
        return (s.Mode & GroupWrite) != 0 && s.Gid != 0
            ? $"{path} is writable by group {s.Gid}"
            : $"{path} is {aclWriter}";
    }

    /// <summary>Who the access ACL of <paramref name="path"/> (never a link) lets write it besides root, or null.</summary>
    private static string? AclProblem(string path, uint gid)
    {
        try
        {
            return AclWriters.Describe(Libc.LinkAttribute(path, AclWriters.AccessAttribute), gid);
        }
        catch (IOException e)
        {
            return $"of unknown access ({e.Message})";
        }
    }
}
