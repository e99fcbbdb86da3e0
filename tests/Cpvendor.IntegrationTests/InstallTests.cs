using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>cpvendor install and uninstall in throw-away roots (docs/contract.md sections 4, 6 and 7).</summary>
public sealed class InstallTests
{
    private const int Mode0644 = 0b110_100_100;

    [Fact]
    public void Install_sets_up_the_host_a_second_install_changes_nothing_and_uninstall_restores_the_tree()
    {
        using var users = new UnixUsers();
        var group = users.CreateGroup("cpvadm");
        using var host = TempHost.Create();
        host.ChangeStore("UPDATE admins SET unix_user = 'root' WHERE name = 'admin'; UPDATE panel SET allow_duplicate_uids = 1");
        host.Plant("etc/cagefs/cagefs.mp", "/opt\n/var/lib/mysql\n");
        var hookLog = Path.Combine(host.Dir, "hook.log");
        host.Plant("usr/share/cloudlinux/hooks/post_modify_admin.py", $"#!/bin/sh\necho \"$@\" >> {hookLog}\n", 0b111_101_101);
        var before = TreeSnapshot.Of(host.Root, host.Store, host.Secret);

        string[] options = ["--admin-group", group, "--system-user", "panelsvc", "--cagefs-personal-mount", "/var/lib/php/session"];
        host.InstallChecked(options);
        var installed = TreeSnapshot.Of(host.Root, host.Store, host.Secret);

        var gid = Libc.GroupId(group)!.Value;
        AssertEntry(installed, host.Path("opt/cpvendor/etc/integration.ini"), "644", 0, 0);
        AssertEntry(installed, host.Path("opt/cpvendor/etc/cpvendor.conf"), "644", 0, 0);
        AssertEntry(installed, host.Path("opt/cpvendor/bin/cpvendor"), "755", 0, 0);
        AssertEntry(installed, host.Path("opt/cpvendor/var/users"), "711", 0, 0);
        AssertEntry(installed, host.Path("opt/cpvendor/var/public/panel_info.json"), "644", 0, 0);
        AssertEntry(installed, host.Store, "600", 0, 0);
        AssertEntry(installed, host.Path("opt/cpvendor/var/model/panel.db"), "640", 0, gid);
        AssertEntry(installed, host.Secret, "600", 0, 0);
        AssertEntry(installed, host.Path("etc/cagefs/exclude/cpvendor"), "644", 0, 0);
        AssertEntry(installed, host.Path("etc/cagefs/enable.duplicate.uids"), "644", 0, 0);
        AssertEntry(installed, host.Path("etc/cagefs/conf.d/cpvendor.cfg"), "644", 0, 0);
        AssertEntry(installed, host.Path("etc/cl.selector/native.conf"), "644", 0, 0);
        var userFiles = installed.Entries.Where(e => e.Path.StartsWith(host.Path("opt/cpvendor/var/users/"), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(userFiles);
        // Keys written by root, read by their uid through its private group or an ACL; the buckets
        // they open, root's and public (docs/security.md).
        Assert.Contains(userFiles, e => e.Path.EndsWith(".key", StringComparison.Ordinal));
        Assert.All(userFiles, e => Assert.Equal((e.Path.EndsWith(".sealed", StringComparison.Ordinal) ? "444" : "440", 0u), (e.Mode, e.Uid)));

        var ini = File.ReadAllText(host.Path("opt/cpvendor/etc/integration.ini"));
        Assert.Contains("[integration_scripts]", ini);
        Assert.Contains("[lvemanager_config]", ini);
        Assert.Contains("\nservice_port = 9000\n", ini);
        Assert.DoesNotContain("--with-php", ini);
        Assert.Contains("panelsvc\n", File.ReadAllText(host.Path("etc/cagefs/exclude/cpvendor")));
        Assert.Contains("@/var/lib/php/session,700", File.ReadAllLines(host.Path("etc/cagefs/cagefs.mp")));
        Assert.Equal(["create --name admin"], File.ReadAllLines(hookLog));

        host.InstallChecked(options);
        TreeSnapshot.Of(host.Root, host.Store, host.Secret).AssertSameAs(installed, withTimes: true);
        Assert.Single(File.ReadAllLines(hookLog));

        var uninstall = host.Uninstall();
        Assert.True(uninstall.ExitCode == ExitCodes.Success, uninstall.ToString());
        TreeSnapshot.Of(host.Root, host.Store, host.Secret).AssertSameAs(before, withTimes: false);
    }

    [Fact]
    public void Dry_run_prints_the_plan_and_changes_nothing()
    {
        using var host = TempHost.Create();
        host.Plant("etc/cagefs/cagefs.mp", "/opt\n");
        var before = TreeSnapshot.Of(host.Root, host.Store, host.Secret);

        var run = host.Install("--dry-run", "--privileged=sudo", "--system-user", "panelsvc");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"would   file {host.Path("opt/cpvendor/etc/integration.ini")}", run.Stdout);
        Assert.Contains($"would   file {host.Path("etc/sudoers.d/cpvendor")}", run.Stdout);
        Assert.Contains("would   refresh CageFS", run.Stdout);
        Assert.Contains("nothing was changed", run.Stdout);
        TreeSnapshot.Of(host.Root, host.Store, host.Secret).AssertSameAs(before, withTimes: true);
    }

    [Fact]
    public void Uninstall_puts_back_a_file_install_replaced()
    {
        using var host = TempHost.Create();
        var ini = host.Plant("opt/cpvendor/etc/integration.ini", "[integration_scripts]\npanel_info = /usr/local/old/panel_info\n", 0b110_000_000);
        var before = TreeSnapshot.Of(host.Root);

        host.InstallChecked();
        Assert.Contains("cpapi panel_info", File.ReadAllText(ini));
        Assert.Equal((UnixFileMode)Mode0644, File.GetUnixFileMode(ini));

        Assert.Equal(ExitCodes.Success, host.Uninstall().ExitCode);
        TreeSnapshot.Of(host.Root).AssertSameAs(before, withTimes: false);
    }

    [Fact]
    public void A_failing_admin_hook_is_reported_and_retried_by_the_next_install()
    {
        using var host = TempHost.Create();
        host.ChangeStore("UPDATE admins SET unix_user = 'root' WHERE name = 'admin'");
        var hook = host.Plant("usr/share/cloudlinux/hooks/post_modify_admin.py", "#!/bin/sh\necho broken >&2\nexit 3\n", 0b111_101_101);

        var first = host.InstallChecked();
        Assert.Contains("warning: admin create hook for 'admin' exited 3: broken", first.Stdout);

        var log = Path.Combine(host.Dir, "hook.log");
        File.WriteAllText(hook, $"#!/bin/sh\necho \"$@\" >> {log}\n");
        host.InstallChecked();
        Assert.Equal(["create --name admin"], File.ReadAllLines(log));
    }

    [Fact]
    public void Uninstall_without_an_install_says_so()
    {
        using var host = TempHost.Create();
        var run = host.Uninstall();
        Assert.Equal(ExitCodes.NotInstalled, run.ExitCode);
        Assert.Contains("nothing was installed", run.Stderr);
    }

    private static void AssertEntry(TreeSnapshot tree, string path, string mode, uint uid, uint gid)
    {
        var entry = tree[path];
        Assert.True(entry is not null, $"{path} is missing");
        Assert.Equal((mode, uid, gid), (entry.Mode, entry.Uid, entry.Gid));
    }
}
