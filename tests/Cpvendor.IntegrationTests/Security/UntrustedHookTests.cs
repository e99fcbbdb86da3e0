using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Hooks run as root. A hook script a user other than root can change is not run: the event stays
/// pending with the reason, and nothing of the user's runs (docs/security.md).
/// </summary>
public sealed class UntrustedHookTests
{
    [Fact]
    public void A_hook_a_user_can_rewrite_is_not_run_as_root_and_stays_pending()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 0);
        var hooks = install.Config.HooksDir;
        Directory.CreateDirectory(hooks);
        File.SetUnixFileMode(hooks, (UnixFileMode)0b111_101_101);
        var hook = Path.Combine(hooks, "post_modify_admin.py");
        File.WriteAllText(hook, $"#!/bin/sh\nid -u > {user.Marker}\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
        Libc.Chown(hook, user.Uid, user.Account.Gid);

        var added = install.Command("admin", "add", "boss");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Null(user.RanAs);
        Assert.Contains("post_modify_admin.py create --name boss", install.Checked("hooks", "list"));
        Assert.Contains($"is owned by uid {user.Uid}", added.Stdout + added.Stderr);
    }

    [Fact]
    public void Install_does_not_announce_an_existing_admin_through_a_hook_a_user_can_rewrite()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss", "--main", "--unix-user", user.Account.Name); // no hooks folder yet: announced by a later install
        var hooks = install.Config.HooksDir;
        Directory.CreateDirectory(hooks);
        File.SetUnixFileMode(hooks, (UnixFileMode)0b111_101_101);
        var hook = Path.Combine(hooks, "post_modify_admin.py");
        File.WriteAllText(hook, $"#!/bin/sh\nid -u > {user.Marker}\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
        Libc.Chown(hook, user.Uid, user.Account.Gid);

        var reinstall = Run.Program(Repo.Binary, ["install", "--root", install.Root, "--store", install.Store, "--admin-group", install.AdminGroup]);

        Assert.True(reinstall.ExitCode == 0, reinstall.ToString());
        Assert.Null(user.RanAs);
        Assert.Contains($"is owned by uid {user.Uid}", reinstall.Stdout + reinstall.Stderr);
    }
}
