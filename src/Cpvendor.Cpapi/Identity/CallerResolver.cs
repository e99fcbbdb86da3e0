using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Cpapi.Identity;

/// <summary>
/// Finds the caller (CONTRACT.md section 6): the kernel's real uid; <c>SUDO_UID</c> or
/// <c>PROXYEXEC_UID</c> only when the install runs in privileged mode and this process really is
/// root. Group membership, which makes a caller an administrator, also comes from the kernel.
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

    /// <summary>The uid a trusted escalation path passed on, if any.</summary>
    private static uint? Delegated(Func<string, string?> environment)
    {
        foreach (var name in new[] { "PROXYEXEC_UID", "SUDO_UID" })
        {
            if (environment(name) is { } text
                && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
            {
                return uid;
            }
        }

        return null;
    }

    private static Caller ForAccount(InstallConfig config, uint uid)
    {
        if (uid == 0)
            return new Caller(0, CallerRole.Root);
        var account = Libc.AccountById(uid);
        var isAdmin = account is { } a && config.AdminGid is { } gid && Libc.AccountGroups(a.Name, a.Gid).Contains(gid);
        return new Caller(uid, isAdmin ? CallerRole.Admin : CallerRole.EndUser);
    }
}
