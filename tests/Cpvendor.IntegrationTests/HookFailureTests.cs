using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>Hooks that fail, hang or are missing lose nothing and keep the order of each account (docs/contract.md section 5).</summary>
public sealed class HookFailureTests
{
    [Fact]
    public void Failing_hook_is_queued_and_later_events_of_that_account_wait_behind_it()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", "carol", "--owner", "boss", "--domain", "carol.example", "--uid", "31003");

        hooks.Set("fail-post_modify_user.py", on: true);
        var created = install.Command("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Contains("queued", created.Stdout);
        Assert.Contains("exited 1: failing on purpose", created.Stdout);
        install.Checked("user", "rename", "alice", "--new-username", "alicia");
        // The domain hook itself works, but alice's account is held up behind her failed creation.
        install.Checked("domain", "rename", "alice.example", "--new-name", "alice.test");
        // Another account is not held up.
        install.Checked("domain", "rename", "carol.example", "--new-name", "carol.test");
        Assert.Equal(
            [
                "post_modify_admin.py create --name boss",
                "post_modify_user.py create --username carol --owner boss",
                "post_modify_domain.py modify -u carol --domain carol.example --new-domain carol.test",
            ],
            hooks.Lines());
        var pending = install.Checked("hooks", "list");
        Assert.Equal(3, pending.Trim().Split('\n').Length);

        // Still failing: hooks run retries, delivers nothing of alice's, exits non-zero.
        Assert.Equal(ExitCodes.Failure, install.Command("hooks", "run").ExitCode);
        Assert.Contains("attempts=2", install.Checked("hooks", "list"));

        hooks.Set("fail-post_modify_user.py", on: false);
        Assert.Contains("delivered 3", install.Checked("hooks", "run"));
        Assert.Equal(
            [
                "post_modify_user.py create --username alice --owner boss",
                "post_modify_user.py modify -u alice --new-username alicia",
                "post_modify_domain.py modify -u alicia --domain alice.example --new-domain alice.test",
            ],
            hooks.Lines().Skip(3));
        Assert.Contains("no pending hook events", install.Checked("hooks", "list"));
    }

    [Fact]
    public void Hanging_hook_is_killed_after_the_timeout_and_retried()
    {
        using var install = TempInstall.Create(users: 0, installOptions: ["--hook-timeout", "2"]);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        hooks.Set("hang-post_modify_user.py", on: true);
        var run = install.Command("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("timed out after 2s", run.Stdout);
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users", "--username", "alice")).Result);

        hooks.Set("hang-post_modify_user.py", on: false);
        install.Checked("hooks", "run");
        Assert.Equal("post_modify_user.py create --username alice --owner boss", hooks.Lines()[^1]);
        Assert.Contains("TIMEOUT after 2s", File.ReadAllText(install.Config.HookLog));
    }

    [Fact]
    public void Missing_hook_script_is_retried_and_can_be_skipped_by_the_operator()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        install.Checked("package", "add", "Gold", "--owner", "boss");
        var script = Path.Combine(hooks.HooksDir, "post_modify_package.py");
        var saved = File.ReadAllText(script);
        File.Delete(script);

        Assert.Contains("does not exist", install.Checked("package", "rename", "Gold", "--owner", "boss", "--new-name", "Silver"));
        Assert.Contains("queued", install.Checked("package", "rename", "Silver", "--owner", "boss", "--new-name", "Bronze"));
        var first = install.Checked("hooks", "list").Split('\n')[0].Split(' ')[0];

        File.WriteAllText(script, saved);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        install.Checked("hooks", "skip", first);
        install.Checked("hooks", "run");
        Assert.Equal("post_modify_package.py rename --name Silver --new-name Bronze", hooks.Lines()[^1]);
        Assert.DoesNotContain("post_modify_package.py rename --name Gold --new-name Silver", hooks.Lines());
        Assert.NotEqual(ExitCodes.Success, install.Command("hooks", "skip", first).ExitCode);
    }
}
