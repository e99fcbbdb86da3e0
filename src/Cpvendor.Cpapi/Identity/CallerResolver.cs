using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Cpapi.Identity;

/// <summary>
/// Finds the caller (docs/contract.md section 6): the kernel's real uid; <c>SUDO_UID</c> or
/// <c>PROXYEXEC_UID</c> only when the install runs in privileged mode and this process really is
/// root (only sudo or proxyexec start the privileged copy as root for someone else). Even then the
/// variables must agree with each other: both escalation paths at once, a <c>SUDO_UID</c> that is
/// not the uid of <c>SUDO_USER</c>, or a value that is not a plain uid fail closed. Group
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
        return uid;
    }

    private static uint Uid(string name, string text) =>
        uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && uid != uint.MaxValue
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
