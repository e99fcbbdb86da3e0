using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Identity;

/// <summary>
/// Finds the caller (docs/contract.md section 6): the kernel's real uid; <c>SUDO_UID</c> or
/// <c>PROXYEXEC_UID</c> only when the install runs in privileged mode and this process really is
/// root (only sudo or proxyexec start the privileged copy as root for someone else). Even then the
/// variables must agree with each other: both escalation paths at once, a <c>SUDO_UID</c> that is
/// not the uid of <c>SUDO_USER</c>, a <c>SUDO_COMMAND</c> that is not this copy run as
/// <c>cpapi ...</c> (sudo's variables left in a root shell from <c>sudo -s</c>, inherited by a
/// tool started from it), or a value that is not a uid in canonical form fail closed. Group
/// membership, which makes a caller an administrator, comes from the account database.
/// </summary>
public static class CallerResolver
{
    public static Caller Resolve(InstallConfig config, Func<string, string?> environment)
    {
        var realUid = Libc.GetUid();
        if (config.Identity == IdentityMode.Privileged && realUid == 0 && Libc.GetEuid() == 0
            && Delegated(environment) is { } delegated)
        {
            return ForAccount(config, delegated);
        }

        if (realUid == 0)
            return new Caller(0, CallerRole.Root);
        var isAdmin = config.AdminGid is { } gid && Libc.ProcessGroups().Contains(gid);
        return new Caller(realUid, isAdmin ? CallerRole.Admin : CallerRole.EndUser);
    }

    /// <summary>The uid a trusted escalation path passed on, null when none did; throws when they contradict.</summary>
    private static uint? Delegated(Func<string, string?> environment)
    {
        var proxy = environment("PROXYEXEC_UID");
        var sudo = environment("SUDO_UID");
        if (proxy is not null && sudo is not null)
            throw CpvendorException.Invalid("both PROXYEXEC_UID and SUDO_UID are set: refusing to guess who the caller is");
        if (proxy is not null)
            return Uid("PROXYEXEC_UID", proxy);
        if (sudo is null)
            return null;

        // sudo sets SUDO_UID and SUDO_USER together from the invoking account.
        var uid = Uid("SUDO_UID", sudo);
        var user = environment("SUDO_USER");
        if (user is null || Libc.Account(user) is not { } account || account.Uid != uid)
            throw CpvendorException.Invalid("SUDO_UID does not match SUDO_USER: refusing to guess who the caller is");
        if (!NamesThisCopy(environment("SUDO_COMMAND")))
        {
            throw CpvendorException.Invalid(
                "SUDO_UID is set but SUDO_COMMAND is not this privileged copy run as 'cpapi': sudo's variables were "
                + "inherited from another sudo command (a 'sudo -s' shell?); run from a clean root login or unset SUDO_UID and SUDO_USER");
        }

        return uid;
    }

    /// <summary>
    /// True when sudo itself started this process: sudo sets <c>SUDO_COMMAND</c> to the command it ran
    /// and its arguments joined by spaces (cut when long), and the sudoers rule allows only the
    /// privileged small copy followed by <c>cpapi</c>. That copy hands what it does not answer to the
    /// full copy beside it with <c>execv</c>, so the same process, with sudo's variables, goes on as
    /// the full copy: the command may be this copy or the small binary in this copy's folder, and
    /// nothing else (docs/security.md). It is compared by file identity, so a path through a link
    /// still matches.
    /// </summary>
    private static bool NamesThisCopy(string? sudoCommand)
    {
        if (sudoCommand is null)
            return false;
        var space = sudoCommand.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            return false;
        var rest = sudoCommand[(space + 1)..];
        if (rest != "cpapi" && !rest.StartsWith("cpapi ", StringComparison.Ordinal))
            return false;
        var command = sudoCommand[..space];
        return Libc.SameFile(command, "/proc/self/exe")
            || (Environment.ProcessPath is { } self && Path.IsPathFullyQualified(self)
                && Libc.SameFile(command, Path.Combine(Path.GetDirectoryName(self)!, FullBinary.SmallName)));
    }

    /// <summary>A uid as the kernel's tools print it: decimal digits, no sign, no leading zero, below 4294967295 (which chown reads as -1).</summary>
    private static uint Uid(string name, string text) =>
        text.Length is > 0 and <= 10 && (text.Length == 1 || text[0] != '0')
            && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid != uint.MaxValue
            ? uid
            : throw CpvendorException.Invalid($"{name} is not a uid: refusing to guess who the caller is");

    private static Caller ForAccount(InstallConfig config, uint uid)
    {
        if (uid == 0)
            return new Caller(0, CallerRole.Root);
        var account = Libc.AccountById(uid);
        var isAdmin = account is { } a && config.AdminGid is { } gid && Libc.AccountGroups(a.Name, a.Gid).Contains(gid);
        return new Caller(uid, isAdmin ? CallerRole.Admin : CallerRole.EndUser);
    }
}
