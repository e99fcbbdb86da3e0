using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>ui_user_info (docs/contract.md section 3): identity only from a live token, everything else fails closed.</summary>
public sealed class UiTokenTests
{
    private static TempInstall Panel()
    {
        var install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss", "--locale", "DE_de");
        install.Checked("reseller", "add", "res1", "--id", "70000");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001", "--locale", "FR_fr");
        install.Checked("domain", "add", "blog.alice.example", "--owner", "alice");
        return install;
    }

    private static string Issue(TempInstall install, params string[] args) => install.Checked(["ui-token", "issue", .. args]).Trim();

    private static JsonElement Info(TempInstall install, string token)
    {
        var run = install.Command("ui-user-info", token);
        Assert.True(run.ExitCode == ExitCodes.Success && run.Stderr.Length == 0, run.ToString());
        return JsonDocument.Parse(run.Stdout).RootElement.Clone();
    }

    private static void AssertClosed(RunResult run)
    {
        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal("{}", run.Stdout.Trim());
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Token_tells_who_the_user_is_and_their_role()
    {
        using var install = Panel();
        var user = Info(install, Issue(install, "--user", "alice", "--domain", "blog.alice.example"));
        Assert.Equal(
            ["userName", "userId", "userType", "baseUri", "assetsUri", "lang", "userDomain"],
            user.EnumerateObject().Select(p => p.Name));
        Assert.Equal("alice", user.GetProperty("userName").GetString());
        Assert.Equal(31001, user.GetProperty("userId").GetInt64());
        Assert.Equal("user", user.GetProperty("userType").GetString());
        Assert.Equal("fr", user.GetProperty("lang").GetString());
        Assert.Equal("blog.alice.example", user.GetProperty("userDomain").GetString());

        var reseller = Info(install, Issue(install, "--user", "res1"));
        Assert.Equal("reseller", reseller.GetProperty("userType").GetString());
        Assert.Equal(70000, reseller.GetProperty("userId").GetInt64());
        Assert.Equal("", reseller.GetProperty("userDomain").GetString());
        var admin = Info(install, Issue(install, "--user", "boss"));
        Assert.Equal("admin", admin.GetProperty("userType").GetString());
        Assert.Equal("de", admin.GetProperty("lang").GetString());
    }

    [Fact]
    public void Tokens_are_stored_only_as_hashes_in_a_root_only_folder()
    {
        using var install = Panel();
        var token = Issue(install, "--user", "alice");
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        var dir = install.Config.UiTokenDir;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        foreach (var file in Directory.GetFiles(dir))
        {
            Assert.DoesNotContain(token, Path.GetFileName(file));
            Assert.DoesNotContain(token, File.ReadAllText(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public void Expired_token_fails_closed()
    {
        using var install = Panel();
        var token = Issue(install, "--user", "alice", "--ttl", "1");
        Thread.Sleep(TimeSpan.FromSeconds(2.2));
        AssertClosed(install.Command("ui-user-info", token));
    }

    [Fact]
    public void Garbage_and_foreign_tokens_fail_closed()
    {
        using var install = Panel();
        using var other = Panel();
        var foreign = Issue(other, "--user", "alice");
        Assert.Equal("alice", Info(other, foreign).GetProperty("userName").GetString());
        AssertClosed(install.Command("ui-user-info", foreign));
        foreach (var garbage in new[] { "", "abc", "../../etc/passwd", new string('A', 43), new string('x', 5000), "{}", "-h" })
            AssertClosed(install.Command("ui-user-info", garbage));
        AssertClosed(install.Command("ui-user-info"));
        AssertClosed(install.Command("ui-user-info", foreign, "extra"));
    }

    [Fact]
    public void Token_of_a_deleted_user_fails_closed()
    {
        using var install = Panel();
        var token = Issue(install, "--user", "alice");
        install.Checked("user", "delete", "alice");
        AssertClosed(install.Command("ui-user-info", token));
    }

    [Fact]
    public void Only_root_issues_and_a_non_root_caller_cannot_read_tokens()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create a UNIX user");
        using var install = Panel();
        using var accounts = new UnixUsers();
        var stranger = accounts.Create("cpvtok");
        var token = Issue(install, "--user", "alice");
        AssertClosed(Run.Program(install.Binary, ["ui-user-info", token], stranger));
        var issue = Run.Program(install.Binary, ["ui-token", "issue", "--user", "alice"], stranger);
        Assert.NotEqual(ExitCodes.Success, issue.ExitCode);
        Assert.Equal("", issue.Stdout);
    }

    [Fact]
    public void Token_for_an_unknown_user_or_a_foreign_domain_is_refused()
    {
        using var install = Panel();
        Assert.Equal(ExitCodes.Invalid, install.Command("ui-token", "issue", "--user", "nobody").ExitCode);
        var run = install.Command("ui-token", "issue", "--user", "res1", "--domain", "alice.example");
        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("does not belong", run.Stderr);
    }
}
