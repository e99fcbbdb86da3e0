using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>What lifecycle commands do to the host: the admin group, duplicate uids, uids from UNIX accounts.</summary>
public sealed class AccountsTests
{
    [Fact]
    public void Admin_with_a_unix_user_joins_the_admin_group_and_leaves_it_when_deleted()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users and groups");
        using var accounts = new UnixUsers();
        var group = accounts.CreateGroup("cpvadm");
        var unix = accounts.Create("cpvops");
        using var install = TempInstall.Create(users: 5, adminGroup: group);

        Assert.Equal("PermissionDenied", Envelope.Of(install.Cpapi(unix, "users")).Result);
        install.Checked("admin", "add", "ops", "--unix-user", unix.Name);
        Assert.Contains(group, Run.Checked("/usr/bin/id", "-Gn", unix.Name).Split(' ', StringSplitOptions.TrimEntries));
        // setpriv --init-groups reads the new membership: the cpapi now treats the user as an admin.
        Assert.Equal("ok", Envelope.Of(install.Cpapi(unix, "users")).Result);

        install.Checked("admin", "delete", "ops");
        Assert.DoesNotContain(group, Run.Checked("/usr/bin/id", "-Gn", unix.Name).Split(' ', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void Admin_with_a_missing_unix_user_is_refused()
    {
        using var install = TempInstall.Create(users: 0);
        var run = install.Command("admin", "add", "ops", "--unix-user", "cpvendor-no-such-user");
        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("no UNIX account", run.Stderr);
    }

    [Fact]
    public void User_uid_defaults_to_the_unix_account()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        using var accounts = new UnixUsers();
        var unix = accounts.Create("cpvacct");
        using var install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", unix.Name, "--owner", "boss", "--domain", unix.Name + ".example");
        var user = Envelope.Of(install.Cpapi("users", "--username", unix.Name)).Is("ok").Data[0];
        Assert.Equal(unix.Uid, user.GetProperty("id").GetUInt32());
        // The end user reads their own published domains.
        Assert.Equal("ok", Envelope.Of(install.Cpapi(unix, "domains")).Is("ok").Result);
        Assert.True(Envelope.Of(install.Cpapi(unix, "domains")).Data.TryGetProperty(unix.Name + ".example", out _));
    }

    [Fact]
    public void Duplicate_uids_need_the_install_setting_which_also_tells_cagefs()
    {
        using var plain = TempInstall.Create(users: 0);
        Assert.False(File.Exists(Path.Combine(plain.Root, "etc/cagefs/enable.duplicate.uids")));

        using var install = TempInstall.Create(users: 0, installOptions: ["--allow-duplicate-uids"]);
        Assert.True(File.Exists(Path.Combine(install.Root, "etc/cagefs/enable.duplicate.uids")));
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        install.Checked("user", "add", "alice2", "--owner", "boss", "--domain", "alice2.example", "--uid", "31001");
        var published = System.Text.Encoding.UTF8.GetString(install.AccountImage(31001)!);
        Assert.Contains("alice2.example", published);
        Assert.Contains("\"alice.example\"", published);
    }
}
