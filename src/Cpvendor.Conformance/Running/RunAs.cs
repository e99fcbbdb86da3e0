using Cpvendor.Core.Native;

namespace Cpvendor.Conformance.Running;

/// <summary>A UNIX user the checker runs scripts as, with the ids the kernel knows them by.</summary>
internal sealed record RunAs(string Name, uint Uid, uint Gid)
{
    public static RunAs? Resolve(string name) =>
        Libc.Account(name) is { } account ? new RunAs(name, account.Uid, account.Gid) : null;

    /// <summary>
    /// The privilege drop: <c>setpriv</c> sets the real and effective uid and gid and the user's
    /// supplementary groups from the group database, as a login would, and then execs the script
    /// directly (no shell, no PAM session, environment untouched, so still only PATH).
    /// </summary>
    public IReadOnlyList<string> Prefix() =>
        [SetPriv, $"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "--"];

    public const string SetPriv = "/usr/bin/setpriv";

    /// <summary>Runs as nobody: for the "readable by every user" checks.</summary>
    public static RunAs Nobody => new("nobody", 65534, 65534);

    public IReadOnlyList<string> PrefixWithoutGroups() =>
        [SetPriv, $"--reuid={Uid}", $"--regid={Gid}", "--clear-groups", "--"];
}
