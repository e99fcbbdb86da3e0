using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>A whole panel's life through the installed commands, checked hook call by hook call (docs/contract.md section 5).</summary>
public sealed class LifecycleScenarioTests
{
    [Fact]
    public void Every_change_fires_its_hook_once_in_order_with_the_change_already_visible()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        var expected = new List<string>();

        void Step(string[] command, params string[] calls)
        {
            install.Checked(command);
            expected.AddRange(calls);
            // The hooks have all run by the time the command returns.
            Assert.Equal(expected, hooks.Lines());
        }

        Step(["admin", "add", "boss", "--main", "--email", "boss@panel.example"], "post_modify_admin.py create --name boss");
        Step(["admin", "add", "helper"], "post_modify_admin.py create --name helper");
        Step(["reseller", "add", "res1", "--id", "70000"]);
        Step(["reseller", "add", "res2"]);
        Step(["package", "add", "Gold", "--owner", "res1"]);
        Step(["user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001", "--package", "Gold"],
            "post_modify_user.py create --username alice --owner res1");
        Step(["user", "add", "bob", "--owner", "boss", "--domain", "bob.example", "--uid", "31002"],
            "post_modify_user.py create --username bob --owner boss");
        Step(["domain", "add", "blog.alice.example", "--owner", "alice"]);
        Step(["domain", "add", "shop.alice.example", "--owner", "alice"]);
        Step(["domain", "rename", "alice.example", "--new-name", "alice.test", "--include-subdomains"],
            "post_modify_domain.py modify -u alice --domain alice.example --new-domain alice.test --include-subdomains");
        Step(["domain", "add", "www.bob.example", "--owner", "bob"]);
        Step(["domain", "rename", "bob.example", "--new-name", "bob.test"],
            "post_modify_domain.py modify -u bob --domain bob.example --new-domain bob.test");
        Step(["package", "rename", "Gold", "--owner", "res1", "--new-name", "Platinum"],
            "post_modify_package.py rename --name Gold --new-name Platinum");
        Step(["user", "rename", "alice", "--new-username", "alicia"],
            "post_modify_user.py modify -u alice --new-username alicia");
        Step(["user", "move", "alicia", "--new-owner", "res2"],
            "post_modify_user.py modify -u alicia --new-owner res2");
        Step(["user", "restore", "alicia"], "post_modify_user.py restore --username alicia");
        Step(["user", "delete", "bob"],
            "pre_modify_user.py delete --username bob", "post_modify_user.py delete --username bob");
        Step(["admin", "delete", "helper"], "post_modify_admin.py delete --name helper");

        var calls = hooks.Calls();
        // The creation is complete, for root and for the end user's own published answers.
        Assert.True(calls[2].HasUser("alice") && calls[2].HasDomain("alice.example"));
        Assert.Equal(["alice.example"], calls[2].PublishedDomains(31001)!);
        // Renamed with its subdomains; both the store and the published file show it.
        Assert.True(calls[4].HasDomain("alice.test") && calls[4].HasDomain("blog.alice.test") && calls[4].HasDomain("shop.alice.test"));
        Assert.False(calls[4].HasDomain("alice.example") || calls[4].HasDomain("blog.alice.example"));
        Assert.Equal(["alice.test", "blog.alice.test", "shop.alice.test"], calls[4].PublishedDomains(31001)!);
        // Without the flag, the subdomain keeps its name.
        Assert.True(calls[5].HasDomain("bob.test") && calls[5].HasDomain("www.bob.example") && !calls[5].HasDomain("bob.example"));
        Assert.Contains(calls[6].Users.EnumerateArray(), u => u.GetProperty("package").ValueKind != System.Text.Json.JsonValueKind.Null
            && u.GetProperty("package").GetProperty("name").GetString() == "Platinum");
        Assert.True(calls[7].HasUser("alicia") && !calls[7].HasUser("alice"));
        Assert.Equal("res2", calls[8].OwnerOf("alicia"));
        // The pre hook sees the account as it was; the post hook sees it gone, published file included.
        Assert.True(calls[10].HasUser("bob") && calls[10].HasDomain("bob.test"));
        Assert.NotNull(calls[10].PublishedDomains(31002));
        Assert.True(!calls[11].HasUser("bob") && !calls[11].HasDomain("bob.test"));
        Assert.Null(calls[11].PublishedDomains(31002));

        Assert.Contains("no pending hook events", install.Checked("hooks", "list"));
    }

    [Fact]
    public void Admin_hook_flag_follows_the_install_setting()
    {
        using var install = TempInstall.Create(users: 0, installOptions: ["--admin-hook-flag", "--username"]);
        var hooks = new RecordingHooks(install);
        var run = install.Command("admin", "add", "boss");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // The strict recording hook takes only --name: the event stays queued instead of being lost.
        Assert.Contains("queued", run.Stdout);
        Assert.Contains("post_modify_admin.py create --username boss", install.Checked("hooks", "list"));
        Assert.Empty(hooks.Calls());
    }

    [Fact]
    public void Without_a_hooks_directory_events_are_skipped_and_the_panel_keeps_working()
    {
        using var install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss");
        var output = install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        Assert.Contains("skipped", output);
        Assert.Contains("no pending hook events", install.Checked("hooks", "list"));
        Assert.Contains("skipped post attempts=1 post_modify_user.py create --username alice --owner boss", install.Checked("hooks", "list", "--all"));
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users", "--username", "alice")).Result);
    }
}
