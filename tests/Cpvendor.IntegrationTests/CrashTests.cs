using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// kill -9 at every step of a change (fault points, honoured only in test roots) loses no event and
/// leaves the store, the published answers and the Governor map consistent once the queue is run.
/// </summary>
public sealed class CrashTests
{
    public static TheoryData<string> Steps => new() { "after-pre-hook", "before-commit", "after-commit", "after-publish", "after-governor", "after-hook" };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Deleting_a_user_killed_at_any_step_loses_no_event(string step)
    {
        using var install = Prepared(out var hooks);
        install.Checked("db", "add", "bob_db", "--owner", "bob");
        var before = hooks.Lines().Count;

        Crash(install, step, "user", "delete", "bob");
        Recover(install);
        if (install.Command("cpapi", "users", "--username", "bob").Stdout.Contains("\"ok\"", StringComparison.Ordinal))
        {
            // Killed before the commit: nothing changed; the panel runs the command again.
            install.Checked("user", "delete", "bob");
        }

        var calls = hooks.Lines().Skip(before).Distinct().ToList();
        Assert.Equal(["pre_modify_user.py delete --username bob", "post_modify_user.py delete --username bob"], calls);
        var post = hooks.Calls().Last();
        Assert.False(post.HasUser("bob"));
        Assert.Null(post.PublishedDomains(31002));
        Assert.False(File.Exists(install.KeyFile(31002)));
        Assert.Null(install.AccountImage(31002));
        Assert.DoesNotContain("bob_db", File.ReadAllText(install.Config.GovernorMap));
        Assert.Contains("alice_db alice 31001\n", File.ReadAllText(install.Config.GovernorMap));
        StoreCheck.AssertConsistent(install.Store);
    }

    [Theory]
    [InlineData("before-commit")]
    [InlineData("after-commit")]
    [InlineData("after-publish")]
    [InlineData("after-governor")]
    [InlineData("after-hook")]
    public void Renaming_a_user_killed_at_any_step_loses_no_event(string step)
    {
        using var install = Prepared(out var hooks);
        var before = hooks.Lines().Count;

        Crash(install, step, "user", "rename", "alice", "--new-username", "alicia");
        Recover(install);
        if (install.Command("cpapi", "users", "--username", "alice").Stdout.Contains("\"ok\"", StringComparison.Ordinal))
            install.Checked("user", "rename", "alice", "--new-username", "alicia");

        Assert.Equal(["post_modify_user.py modify -u alice --new-username alicia"], hooks.Lines().Skip(before).Distinct());
        Assert.True(hooks.Calls().Last().HasUser("alicia"));
        Assert.Equal("alice_db alicia 31001\n", File.ReadAllText(install.Config.GovernorMap));
        StoreCheck.AssertConsistent(install.Store);
    }

    private static TempInstall Prepared(out RecordingHooks hooks)
    {
        var install = TempInstall.Create(users: 0);
        hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        install.Checked("user", "add", "bob", "--owner", "boss", "--domain", "bob.example", "--uid", "31002");
        install.Checked("db", "add", "alice_db", "--owner", "alice");
        return install;
    }

    private static void Crash(TempInstall install, string step, params string[] command)
    {
        var faultFile = Path.Combine(InstallLayout.Under(install.Root, InstallLayout.EtcDir), "fault-point");
        File.WriteAllText(faultFile, step);
        try
        {
            var run = install.Command(command);
            Assert.True(run.ExitCode == 137, $"expected SIGKILL at {step}: {run}");
        }
        finally
        {
            File.Delete(faultFile);
        }
    }

    /// <summary>What an operator (or the next command) does after a crash.</summary>
    private static void Recover(TempInstall install)
    {
        install.Checked("hooks", "run");
        Assert.Contains("no pending hook events", install.Checked("hooks", "list"));
    }
}
