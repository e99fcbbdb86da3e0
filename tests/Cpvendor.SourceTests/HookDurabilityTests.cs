using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// Derived hooks have the lifecycle's guarantees (docs/contract.md section 5): a hook that fails during a
/// sync keeps its event queued, the account's later events wait behind it, and a later delivery
/// runs them all in order.
/// </summary>
public sealed class HookDurabilityTests
{
    [Fact]
    public void Failing_post_hook_stays_pending_and_holds_back_the_accounts_later_events_until_delivered()
    {
        using var database = HookDeliveryTests.Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var old = database.Text("SELECT login FROM panel_accounts WHERE id = 2")!;
        var newOwner = database.Text("SELECT login FROM panel_staff WHERE login <> (SELECT owner_login FROM panel_accounts WHERE id = 2) ORDER BY id")!;
        var site = database.Text("SELECT fqdn FROM panel_sites WHERE account_id = 2 ORDER BY id")!;

        hooks.Set("fail-post_modify_user.py", on: true);
        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 2");
        var first = install.Sync();
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.Contains("1 queued after a failure", first.Stderr, StringComparison.Ordinal);
        Assert.Empty(hooks.Calls());
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users", "--username", "renamed1")).Result);
        var pending = Pending(install);
        Assert.Single(pending);
        Assert.Contains("pending post attempts=1 next ", pending[0], StringComparison.Ordinal);
        Assert.Contains($"post_modify_user.py modify -u {old} --new-username renamed1 (exited 1", pending[0], StringComparison.Ordinal);

        // The hook works again, but the failed event waits for its next attempt: the account's new
        // events queue behind it, another account's event is delivered at once.
        hooks.Set("fail-post_modify_user.py", on: false);
        database.Execute($"UPDATE panel_accounts SET owner_login = '{newOwner}' WHERE id = 2");
        database.Execute($"UPDATE panel_sites SET fqdn = 'renamed-site.example' WHERE fqdn = '{site}'");
        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (900, 'newbie', 29000, 'admin', NULL, NULL, 'EN_us', '/home/newbie', NULL)");
        database.Execute("INSERT INTO panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler) VALUES (900, 900, 'newbie.example', '/home/newbie/public_html', TRUE, NULL, NULL)");
        var second = install.Sync();
        Assert.True(second.ExitCode == ExitCodes.Success, second.ToString());
        Assert.Contains("3 queued after a failure", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(["post_modify_user.py create --username newbie --owner admin"], hooks.Lines());
        pending = Pending(install);
        Assert.Equal(3, pending.Length);
        Assert.EndsWith($"post_modify_user.py modify -u {old} --new-username renamed1 (exited 1: failing on purpose)", pending[0], StringComparison.Ordinal);
        Assert.EndsWith($"attempts=0 post_modify_user.py modify -u renamed1 --new-owner {newOwner}", pending[1], StringComparison.Ordinal);
        Assert.EndsWith($"attempts=0 post_modify_domain.py modify -u renamed1 --domain {site} --new-domain renamed-site.example", pending[2], StringComparison.Ordinal);

        var run = install.Command("hooks", "run");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(
            [
                "post_modify_user.py create --username newbie --owner admin",
                $"post_modify_user.py modify -u {old} --new-username renamed1",
                $"post_modify_user.py modify -u renamed1 --new-owner {newOwner}",
                $"post_modify_domain.py modify -u renamed1 --domain {site} --new-domain renamed-site.example",
            ],
            hooks.Lines());
        var calls = hooks.Calls();
        Assert.True(calls[1].HasUser("renamed1") && !calls[1].HasUser(old));
        Assert.Equal(newOwner, calls[2].OwnerOf("renamed1"));
        Assert.True(calls[3].HasDomain("renamed-site.example") && !calls[3].HasDomain(site));
        Assert.Empty(Pending(install));
    }

    [Fact]
    public void Failing_pre_hook_does_not_block_the_deletion_and_runs_before_the_post_hook_later()
    {
        using var database = HookDeliveryTests.Seeded(Dialect.Postgres);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var deleted = database.Text("SELECT login FROM panel_accounts WHERE id = 4")!;

        hooks.Set("fail-pre_modify_user.py", on: true);
        database.Execute("DELETE FROM panel_db_logins WHERE account_id = 4");
        database.Execute("DELETE FROM panel_sites WHERE account_id = 4");
        database.Execute("DELETE FROM panel_accounts WHERE id = 4");
        var sync = install.Sync();
        Assert.True(sync.ExitCode == ExitCodes.Success, sync.ToString());
        Assert.Empty(hooks.Calls());
        Assert.Equal("NotFound", Envelope.Of(install.Cpapi("users", "--username", deleted)).Result);
        var pending = Pending(install);
        Assert.Equal(2, pending.Length);
        Assert.Contains("pending pre attempts=1 next ", pending[0], StringComparison.Ordinal);
        Assert.Contains($"pre_modify_user.py delete --username {deleted} (exited 1", pending[0], StringComparison.Ordinal);
        Assert.EndsWith($"pending post attempts=0 post_modify_user.py delete --username {deleted}", pending[1], StringComparison.Ordinal);

        // A later sync respects the failed event's backoff; the post hook keeps waiting behind it.
        hooks.Set("fail-pre_modify_user.py", on: false);
        install.SyncChecked();
        Assert.Empty(hooks.Calls());
        Assert.Equal(2, Pending(install).Length);

        var run = install.Command("hooks", "run");
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal([$"pre_modify_user.py delete --username {deleted}", $"post_modify_user.py delete --username {deleted}"], hooks.Lines());
        Assert.Empty(Pending(install));
    }

    /// <summary>The lines of <c>cpvendor hooks list</c>: one per pending event, oldest first.</summary>
    private static string[] Pending(TempInstall install)
    {
        var list = install.Command("hooks", "list");
        Assert.True(list.ExitCode == ExitCodes.Success, list.ToString());
        return list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "no pending hook events").ToArray();
    }
}
