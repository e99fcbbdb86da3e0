using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Processes;

namespace Cpvendor.Panel.Changes;

/// <summary>
/// Membership of administrators' UNIX users in the install's admin group, which is what makes the
/// cpapi treat them as administrators. Changed only when running as root and the group exists.
/// </summary>
internal static class UnixGroups
{
    public static void Join(InstallConfig config, string user)
    {
        if (!CanChange(config, user, out var gid))
            return;
        if (Libc.AccountGroups(user, Libc.Account(user)!.Value.Gid).Contains(gid))
            return;
        Gpasswd("-a", user, config.AdminGroup);
    }

    public static void Leave(InstallConfig config, string user)
    {
        if (!CanChange(config, user, out var gid))
            return;
        if (Libc.AccountGroups(user, Libc.Account(user)!.Value.Gid).Contains(gid))
            Gpasswd("-d", user, config.AdminGroup);
    }

    private static bool CanChange(InstallConfig config, string user, out uint gid)
    {
        gid = Libc.GroupId(config.AdminGroup) ?? 0;
        return Libc.GetEuid() == 0 && gid != 0 && Libc.Account(user) is not null;
    }

    private static void Gpasswd(string action, string user, string group)
    {
        var run = ChildProcess.Run([SystemTools.Resolve("gpasswd"), action, user, group]);
        if (!run.Succeeded)
            throw CpvendorException.Io($"gpasswd {action} {user} {group} failed: {run.StartError ?? run.Stderr.Trim()}");
    }
}
