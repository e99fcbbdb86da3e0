using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Virtualmin;

/// <summary>
/// Virtualmin's changes driven through <c>cpvendor virtualmin event</c> with the environment
/// Virtualmin gives its pre- and post-change commands, in the order Virtualmin runs them, turned
/// into CloudLinux hooks at the right moment (docs/contract.md section 5).
/// </summary>
public sealed class VirtualminEventTests
{
    private const string Alice = "1764590001100001";
    private const string Shop = "1764590002100002";
    private const string AliasId = "1764590003100003";

    [Fact]
    public void Created_server_is_announced_once_the_store_serves_it()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        host.Files.UnixUser("erin", 50005);
        host.Files.TopLevel("1764590009100009", "erin.test", "erin", 50005, plan: "101");
        var env = host.Files.Environment("CREATE_DOMAIN", "1764590009100009");
        Assert.Equal(0, host.Event("pre", env).ExitCode);
        Assert.Empty(host.Hooks.Lines());

        var post = host.Event("post", env);
        Assert.True(post.ExitCode == 0, post.ToString());
        var call = Assert.Single(host.Hooks.Calls());
        Assert.Equal("post_modify_user.py create --username erin --owner root", call.Line);
        Assert.True(call.HasUser("erin") && call.HasDomain("erin.test"), "the hook saw the new account in the answers");

        // The timer's sync derives the same store from the same files: nothing changes, nothing is derived twice.
        Assert.Contains(": no change", host.Install.Checked("sync"), StringComparison.Ordinal);
        Assert.Single(host.Hooks.Calls());
    }

    [Fact]
    public void Deleting_a_top_level_server_runs_the_pre_hook_while_the_account_is_still_served()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        // Virtualmin deletes the alias servers, then the sub-servers, then the server itself, each
        // between its own pre- and post-change command.
        foreach (var id in new[] { AliasId, Shop })
        {
            var env = host.Files.Environment("DELETE_DOMAIN", id);
            Assert.Equal(0, host.Event("pre", env).ExitCode);
            host.Files.Delete(id);
            Assert.Equal(0, host.Event("post", env).ExitCode);
        }

        Assert.Empty(host.Hooks.Lines());
        var top = host.Files.Environment("DELETE_DOMAIN", Alice);
        var pre = host.Event("pre", top);
        Assert.True(pre.ExitCode == 0, pre.ToString());
        var announced = Assert.Single(host.Hooks.Calls());
        Assert.Equal("pre_modify_user.py delete --username alice", announced.Line);
        Assert.True(announced.HasUser("alice") && announced.HasDomain("alice.test"), "the pre hook must still see the account");

        // Virtualmin removes the UNIX user and the file, then runs the post-change command.
        host.Files.Delete(Alice);
        host.Files.RemoveUnixUser("alice");
        Assert.Equal(0, host.Event("post", top).ExitCode);
        Assert.Contains(": no change", host.Install.Checked("sync"), StringComparison.Ordinal);
        var calls = host.Hooks.Calls();
        Assert.Equal(["pre_modify_user.py delete --username alice", "post_modify_user.py delete --username alice"], calls.Select(c => c.Line).ToArray());
        Assert.False(calls[1].HasUser("alice"), "the post hook sees the account gone");
        Assert.Equal("no pending hook events", host.Install.Checked("hooks", "list").Trim());
    }

    [Fact]
    public void A_timer_sync_between_the_pre_and_post_command_does_not_announce_the_deletion_again()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var env = host.Files.Environment("DELETE_DOMAIN", "1764590006100006");
        Assert.Equal(0, host.Event("pre", env).ExitCode);
        host.Files.Delete("1764590006100006");
        host.Install.Checked("sync");
        Assert.Equal(0, host.Event("post", env).ExitCode);
        Assert.Equal(["pre_modify_user.py delete --username carol", "post_modify_user.py delete --username carol"], host.Hooks.Lines().ToArray());
    }

    [Fact]
    public void A_hanging_pre_hook_holds_Virtualmin_up_only_for_its_bound_and_stays_queued_ahead_of_the_post_hook()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        host.Hooks.Set("hang-pre_modify_user.py", on: true);
        var env = host.Files.Environment("DELETE_DOMAIN", "1764590006100006");
        var pre = Run.Program(host.Install.Binary, ["virtualmin", "event", "--phase", "pre", "--pre-hook-timeout", "1"], environment: env);
        Assert.True(pre.ExitCode == 0, pre.ToString());
        host.Files.Delete("1764590006100006");
        Assert.Equal(0, host.Event("post", env).ExitCode);
        var queue = host.Install.Checked("hooks", "list");
        Assert.Contains("pre_modify_user.py delete --username carol", queue, StringComparison.Ordinal);
        Assert.Contains("post_modify_user.py delete --username carol", queue, StringComparison.Ordinal);

        host.Hooks.Set("hang-pre_modify_user.py", on: false);
        host.Install.Checked("hooks", "run");
        Assert.Equal(["pre_modify_user.py delete --username carol", "post_modify_user.py delete --username carol"], host.Hooks.Lines().ToArray());
    }

    [Fact]
    public void Rename_of_user_and_domain_and_a_new_reseller_become_the_modify_hooks()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var before = host.Files.Record(Alice);
        // What Virtualmin's rename saves: the server and everything under it carry the new user.
        host.Files.RemoveUnixUser("alice");
        host.Files.UnixUser("alicia", 50001);
        host.Files.Modify(Alice, ("dom", "alicia.test"), ("user", "alicia"), ("group", "alicia"), ("home", "/home/alicia"),
            ("public_html_path", "/home/alicia/public_html"), ("mysql_user", "alicia"), ("reseller", "res1"));
        host.Files.Modify(Shop, ("user", "alicia"), ("home", "/home/alicia/domains/shop.alice.test"),
            ("public_html_path", "/home/alicia/domains/shop.alice.test/public_html"), ("mysql_user", "alicia"));
        host.Files.Modify(AliasId, ("user", "alicia"));
        var env = host.Files.Environment("MODIFY_DOMAIN", Alice);
        foreach (var (key, value) in before)
            env["VIRTUALSERVER_OLDSERVER_" + key.ToUpperInvariant()] = value;

        Assert.Equal(0, host.Event("post", env).ExitCode);
        Assert.Equal(
            [
                "post_modify_user.py modify -u alice --new-username alicia",
                "post_modify_user.py modify -u alicia --new-owner res1",
                "post_modify_domain.py modify -u alicia --domain alice.test --new-domain alicia.test",
            ],
            host.Hooks.Lines().ToArray());
        Assert.Contains("alicia alicia 50001", File.ReadAllText(host.Install.Config.GovernorMap), StringComparison.Ordinal);
    }

    [Fact]
    public void Restored_server_gets_the_restore_hook_after_the_files_are_back()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        Assert.Equal(0, host.Event("post", host.Files.Environment("RESTORE_DOMAIN", "1764590004100004")).ExitCode);
        Assert.Equal(["post_modify_user.py restore --username bob"], host.Hooks.Lines().ToArray());
        // A sub-server's restore is not an account's.
        Assert.Equal(0, host.Event("post", host.Files.Environment("RESTORE_DOMAIN", "1764590005100005")).ExitCode);
        Assert.Single(host.Hooks.Lines());
    }
}
