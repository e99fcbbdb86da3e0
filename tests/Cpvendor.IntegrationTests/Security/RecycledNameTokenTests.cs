using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: a ui token outlives its identity. A token is bound to the role, the uid and the store's
/// stable id of the entity it was issued for (docs/contract.md section 3), so a name deleted and
/// taken again, by an account or by an administrator, does not inherit it; tokens of the earlier
/// format (a bare name) fail closed.
/// </summary>
public sealed class RecycledNameTokenTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);

    public RecycledNameTokenTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("reseller", "add", "res1");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");
    }

    [Fact]
    public void A_recreated_account_of_the_same_name_and_uid_does_not_inherit_the_token()
    {
        var token = Issue("alice");
        Assert.Equal(0, install.Command("ui-user-info", token).ExitCode);
        install.Checked("user", "delete", "alice");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");

        AssertClosed(install.Command("ui-user-info", token));
        Assert.Equal(0, install.Command("ui-user-info", Issue("alice")).ExitCode);
    }

    [Fact]
    public void An_accounts_token_never_becomes_an_administrators()
    {
        var token = Issue("alice");
        install.Checked("user", "delete", "alice");
        install.Checked("admin", "add", "alice");
        AssertClosed(install.Command("ui-user-info", token));
    }

    [Fact]
    public void A_token_follows_its_account_through_a_rename_but_not_its_old_name()
    {
        var token = Issue("alice");
        install.Checked("user", "rename", "alice", "--new-username", "alice2");
        var info = JsonDocument.Parse(install.Checked("ui-user-info", token)).RootElement;
        Assert.Equal("alice2", info.GetProperty("userName").GetString());
        Assert.Equal("user", info.GetProperty("userType").GetString());
        install.Checked("admin", "add", "alice");
        Assert.Equal("alice2", JsonDocument.Parse(install.Checked("ui-user-info", token)).RootElement.GetProperty("userName").GetString());
    }

    [Fact]
    public void A_token_of_the_earlier_format_fails_closed()
    {
        // What the earlier binary stored: a name and an expiry, no role, no identity.
        var token = "Q" + new string('x', 42);
        var expires = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 3600;
        Issue("boss");
        var file = Path.Combine(install.Config.UiTokenDir, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))));
        File.WriteAllText(file, JsonSerializer.Serialize(new { user = "boss", domain = (string?)null, expires }));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        AssertClosed(install.Command("ui-user-info", token));
    }

    private string Issue(string user) => install.Checked("ui-token", "issue", "--user", user).Trim();

    private static void AssertClosed(RunResult run)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("{}", run.Stdout.Trim());
        Assert.Equal("", run.Stderr);
    }

    public void Dispose() => install.Dispose();
}
