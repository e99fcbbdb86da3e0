using System.Globalization;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: a hosting account gets the admin role in LVE Manager by holding an administrator's name
/// (docs/contract.md section 3). Administrators', resellers' and accounts' names never collide, in
/// any order of creation and rename, unless both are the same UNIX account (same uid).
/// </summary>
public sealed class AccountNamedLikeAnAdminTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);
    private readonly UnixUsers unix = new();

    public AccountNamedLikeAnAdminTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("reseller", "add", "res1", "--id", "70000");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");
    }

    [Fact]
    public void An_account_cannot_take_an_administrators_or_resellers_name()
    {
        RefusedChange.Assert(install, "administrator 'boss'", "user", "add", "boss", "--owner", "res1", "--domain", "boss.example", "--uid", "31002");
        RefusedChange.Assert(install, "reseller 'res1'", "user", "add", "res1", "--owner", "res1", "--domain", "res1.example", "--uid", "31002");
        RefusedChange.Assert(install, "administrator 'boss'", "user", "rename", "alice", "--new-username", "boss");
        RefusedChange.Assert(install, "reseller 'res1'", "user", "rename", "alice", "--new-username", "res1");

        // The administrator's token still says admin, and no account was made of its name.
        var info = Info(install.Checked("ui-token", "issue", "--user", "boss").Trim());
        Assert.Equal("admin", info.GetProperty("userType").GetString());
        Assert.Equal(0L, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM users WHERE username IN ('boss', 'res1')"));
    }

    [Fact]
    public void An_administrator_or_reseller_cannot_take_an_accounts_name()
    {
        RefusedChange.Assert(install, "account 'alice'", "admin", "add", "alice");
        RefusedChange.Assert(install, "account 'alice'", "reseller", "add", "alice");
        var info = Info(install.Checked("ui-token", "issue", "--user", "alice").Trim());
        Assert.Equal("user", info.GetProperty("userType").GetString());
    }

    [Fact]
    public void An_account_cannot_take_an_administrators_unix_user()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        var chiefUnix = unix.Create("cpvchief");
        install.Checked("admin", "add", "chief", "--unix-user", chiefUnix.Name);

        RefusedChange.Assert(install, "the UNIX user of administrator 'chief'", "user", "rename", "alice", "--new-username", chiefUnix.Name);
        RefusedChange.Assert(install, $"has uid {chiefUnix.Uid}", "user", "add", chiefUnix.Name, "--owner", "res1", "--domain", "chief.example", "--uid", "31002");
        RefusedChange.Assert(install, "administrator 'chief'", "user", "add", "chief", "--owner", "res1", "--domain", "chief.example", "--uid", "31002");
        // The unix user of an administrator is not an account's name for another administrator either.
        RefusedChange.Assert(install, "the UNIX user of administrator 'chief'", "admin", "add", chiefUnix.Name);
    }

    [Fact]
    public void The_same_unix_account_may_hold_two_roles()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        var chiefUnix = unix.Create("cpvchief");
        install.Checked("admin", "add", "chief", "--unix-user", chiefUnix.Name);
        // The administrator's own UNIX account (same uid) may be a hosting account too.
        install.Checked("user", "add", chiefUnix.Name, "--owner", "chief", "--domain", "chief.example");
        Assert.Equal((long)chiefUnix.Uid, StoreCheck.Scalar(install.Store, $"SELECT uid FROM users WHERE username = '{chiefUnix.Name}'"));

        // A reseller whose UNIX account has its name, and that account.
        var resUnix = unix.Create("cpvres");
        install.Checked("reseller", "add", resUnix.Name);
        install.Checked("user", "add", resUnix.Name, "--owner", resUnix.Name, "--domain", "res.example", "--uid", resUnix.Uid.ToString(CultureInfo.InvariantCulture));
        RefusedChange.Assert(install, "--type reseller|user", "ui-token", "issue", "--user", resUnix.Name);
        Assert.Equal("reseller", Info(install.Checked("ui-token", "issue", "--user", resUnix.Name, "--type", "reseller").Trim()).GetProperty("userType").GetString());
        var asUser = Info(install.Checked("ui-token", "issue", "--user", resUnix.Name, "--type", "user").Trim());
        Assert.Equal("user", asUser.GetProperty("userType").GetString());
        Assert.Equal(resUnix.Uid, asUser.GetProperty("userId").GetUInt32());
    }

    private JsonElement Info(string token)
    {
        var run = install.Command("ui-user-info", token);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    public void Dispose()
    {
        install.Dispose();
        unix.Dispose();
    }
}
