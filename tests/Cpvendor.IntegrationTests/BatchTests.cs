using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/lifecycle.md, "Batches": <c>cpvendor batch</c> applies lifecycle commands read from stdin in
/// one transaction with one publish, all or nothing, then delivers every hook in order.
/// </summary>
public sealed class BatchTests
{
    [Fact]
    public void A_batch_applies_every_line_in_one_transaction_publishes_once_and_runs_every_hook()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        var generation = ReadModelFiles.Current(install.Config);
        var before = new FileInfo(generation).LastWriteTimeUtc;
        var revision = StoreCheck.Scalar(install.Store, "SELECT revision FROM panel");

        var lines = string.Join('\n',
            "# accounts moved from the old panel",
            "reseller add 'res1' --email res1@example.com",
            "",
            "user add bt1 --owner boss --domain bt1.example --uid 46001",
            "user add bt2 --owner boss --domain \"bt2.example\" --uid 46002",
            "domain add blog.bt2.example --owner bt2",
            "db add bt2_wp --owner bt2",
            "user rename bt1 --new-username bt1new");
        var run = Run.Program(install.Binary, ["batch"], stdin: lines + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("applied 6 changes in one transaction", run.Stdout);

        Envelope.Of(install.Cpapi("users", "--username=bt1new")).Is("ok");
        Assert.Contains("blog.bt2.example", Envelope.Of(install.Cpapi("domains", "--owner=bt2")).Is("ok").Run.Stdout);
        Envelope.Of(install.Cpapi("resellers", "--name=res1")).Is("ok");
        Assert.Contains("bt2_wp bt2 46002\n", File.ReadAllText(install.Config.GovernorMap));
        // One transaction: the revision moved once, and one new generation was renamed into place.
        Assert.Equal((long)revision! + 1, StoreCheck.Scalar(install.Store, "SELECT revision FROM panel"));
        Assert.NotEqual(before, new FileInfo(generation).LastWriteTimeUtc);
        Assert.Equal(
            ["post_modify_user.py create --username bt1 --owner boss", "post_modify_user.py create --username bt2 --owner boss", "post_modify_user.py modify -u bt1 --new-username bt1new"],
            hooks.Lines().Where(l => l.StartsWith("post_modify_user.py", StringComparison.Ordinal)));
        Assert.True(hooks.Calls().Last().HasUser("bt1new"));
        StoreCheck.AssertConsistent(install.Store);
    }

    [Theory]
    [InlineData("user add bt4 --owner nobody --domain bt4.example --uid 46004", "line 2: ")]
    [InlineData("user add bt4 --owner boss --domain bt3.example --uid 46004", "line 2: ")]
    [InlineData("user frobnicate bt4", "line 2: ")]
    [InlineData("settings panel --name x", "line 2: 'settings' is not a lifecycle command")]
    [InlineData("user add 'bt4 --owner boss", "line 2: a ' is not closed")]
    public void A_batch_with_one_bad_line_changes_nothing(string bad, string message)
    {
        using var install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss");
        var revision = StoreCheck.Scalar(install.Store, "SELECT revision FROM panel");
        var users = Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout;

        var run = Run.Program(install.Binary, ["batch"], stdin: $"user add bt3 --owner boss --domain bt3.example --uid 46003\n{bad}\nuser add bt5 --owner boss --domain bt5.example --uid 46005\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
        Assert.Equal(revision, StoreCheck.Scalar(install.Store, "SELECT revision FROM panel"));
        Assert.Equal(0L, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM users"));
        Assert.Equal(users, Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);
        Assert.Equal(0L, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM hook_events WHERE script = 'post_modify_user.py'"));
    }
}
