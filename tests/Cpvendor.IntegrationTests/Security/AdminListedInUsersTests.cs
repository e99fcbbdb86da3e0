using System.Globalization;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: an administrator's UNIX account that users does not list is a name nobody holds in
/// CloudLinux's eyes, so a hosting account could be renamed to it. Administrators and resellers with
/// a UNIX account are listed by users (docs/contract.md section 3, decision) under their UNIX name
/// and uid, the host name as domain, no package, themselves as owner; every filter agrees; CloudLinux
/// hears of the row through post_modify_user.py create and delete.
/// </summary>
public sealed class AdminListedInUsersTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);
    private readonly UnixUsers unix = new();

    [Fact]
    public void An_administrators_unix_account_is_listed_with_its_hooks()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        var hooks = new RecordingHooks(install);
        var boss = unix.Create("cpvboss");
        var uid = boss.Uid.ToString(CultureInfo.InvariantCulture);
        install.Checked("settings", "panel", "--host-name", "server1.example.net");
        install.Checked("admin", "add", "chief", "--unix-user", boss.Name);
        install.Checked("admin", "add", "root-admin", "--unix-user", "root");
        Assert.Equal(
            ["post_modify_admin.py create --name chief", $"post_modify_user.py create --username {boss.Name} --owner chief", "post_modify_admin.py create --name root-admin"],
            hooks.Lines());

        var listed = Single(install.Cpapi("users"));
        Assert.Equal(boss.Uid, listed.GetProperty("id").GetUInt32());
        Assert.Equal(boss.Name, listed.GetProperty("username").GetString());
        Assert.Equal("chief", listed.GetProperty("owner").GetString());
        Assert.Equal("server1.example.net", listed.GetProperty("domain").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("package").ValueKind);
        Assert.Equal(boss.Name, Single(install.Cpapi("users", "--unix-id", uid)).GetProperty("username").GetString());
        Assert.Equal(boss.Name, Single(install.Cpapi("users", "--username", boss.Name)).GetProperty("username").GetString());
        Assert.Equal(boss.Name, Single(install.Cpapi("users", "--owner", "chief")).GetProperty("username").GetString());
        Assert.Empty(Rows(install.Cpapi("users", "--unix-id", "0")));
        Assert.Empty(Rows(install.Cpapi("users", "--owner", "root-admin")));

        install.Checked("admin", "delete", "chief");
        Assert.Equal($"post_modify_user.py delete --username {boss.Name}", hooks.Lines()[^2]);
        Assert.Equal("post_modify_admin.py delete --name chief", hooks.Lines()[^1]);
        Assert.Empty(Rows(install.Cpapi("users")));
    }

    [Fact]
    public void An_administrator_that_hosts_an_account_is_listed_once_as_that_account()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        var boss = unix.Create("cpvboss");
        install.Checked("admin", "add", "chief", "--unix-user", boss.Name);
        var hooks = new RecordingHooks(install);
        install.Checked("user", "add", boss.Name, "--owner", "chief", "--domain", "boss.example");
        // The account goes on under the same name: CloudLinux hears create again, never delete.
        Assert.Equal([$"post_modify_user.py create --username {boss.Name} --owner chief"], hooks.Lines());
        var listed = Single(install.Cpapi("users"));
        Assert.Equal("boss.example", listed.GetProperty("domain").GetString());

        install.Checked("user", "delete", boss.Name);
        Assert.Equal($"post_modify_user.py create --username {boss.Name} --owner chief", hooks.Lines()[^1]);
        Assert.Equal(JsonValueKind.Null, Single(install.Cpapi("users")).GetProperty("package").ValueKind);
    }

    private static JsonElement Data(RunResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("data").Clone();
    }

    private static List<JsonElement> Rows(RunResult run) =>
        Data(run) is { ValueKind: JsonValueKind.Array } rows ? rows.EnumerateArray().ToList() : [];

    private static JsonElement Single(RunResult run) => Assert.Single(Rows(run));

    public void Dispose()
    {
        install.Dispose();
        unix.Dispose();
    }
}
