using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>A sync delivers the derived hooks through the lifecycle's queue, in order, each seeing the data docs/contract.md section 5 promises.</summary>
public sealed class HookDeliveryTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Source_changes_run_the_hooks_in_order_each_seeing_the_right_data(Dialect dialect)
    {
        using var database = Seeded(dialect);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);

        var renamed = database.Text("SELECT login FROM panel_accounts WHERE id = 2")!;
        var moved = database.Text("SELECT login FROM panel_accounts WHERE id = 3")!;
        var newOwner = database.Text("SELECT login FROM panel_staff WHERE login <> (SELECT owner_login FROM panel_accounts WHERE id = 3) ORDER BY id")!;
        var deleted = database.Text("SELECT login FROM panel_accounts WHERE id = 4")!;
        var siteOwner = database.Text("SELECT login FROM panel_accounts WHERE id = 1")!;
        var siteOwnerUid = uint.Parse(database.Text("SELECT uid FROM panel_accounts WHERE id = 1")!, System.Globalization.CultureInfo.InvariantCulture);
        var site = database.Text("SELECT fqdn FROM panel_sites WHERE account_id = 1 ORDER BY id")!;
        // A plan whose accounts all stay: renaming it keeps exactly the same members.
        var planId = database.Text("SELECT MIN(plan_id) FROM panel_accounts WHERE plan_id IS NOT NULL AND plan_id NOT IN (SELECT plan_id FROM panel_accounts WHERE id = 4 AND plan_id IS NOT NULL)")!;
        var plan = database.Text($"SELECT title FROM panel_plans WHERE id = {planId}")!;

        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (900, 'newbie', 29000, 'admin', NULL, NULL, 'EN_us', '/home/newbie', NULL)");
        database.Execute("INSERT INTO panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler) VALUES (900, 900, 'newbie.example', '/home/newbie/public_html', TRUE, NULL, NULL)");
        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 2");
        database.Execute($"UPDATE panel_accounts SET owner_login = '{newOwner}' WHERE id = 3");
        database.Execute($"UPDATE panel_sites SET fqdn = 'renamed-site.example' WHERE fqdn = '{site}'");
        database.Execute($"UPDATE panel_plans SET title = 'Renamed-plan' WHERE id = {planId}");
        database.Execute("DELETE FROM panel_db_logins WHERE account_id = 4");
        database.Execute("DELETE FROM panel_sites WHERE account_id = 4");
        database.Execute("DELETE FROM panel_accounts WHERE id = 4");
        var sync = install.Sync();
        Assert.True(sync.ExitCode == ExitCodes.Success && sync.Stderr.Length == 0, sync.ToString());

        Assert.Equal(
            [
                $"pre_modify_user.py delete --username {deleted}",
                $"post_modify_user.py delete --username {deleted}",
                $"post_modify_package.py rename --name {plan} --new-name Renamed-plan",
                $"post_modify_user.py modify -u {renamed} --new-username renamed1",
                $"post_modify_user.py modify -u {moved} --new-owner {newOwner}",
                $"post_modify_domain.py modify -u {siteOwner} --domain {site} --new-domain renamed-site.example",
                "post_modify_user.py create --username newbie --owner admin",
            ],
            hooks.Lines());
        var calls = hooks.Calls();
        Assert.True(calls[0].HasUser(deleted), "the pre hook still sees the account");
        Assert.False(calls[1].HasUser(deleted));
        Assert.Contains(calls[2].Users.EnumerateArray(), u => u.GetProperty("package") is { ValueKind: System.Text.Json.JsonValueKind.Object } p && p.GetProperty("name").GetString() == "Renamed-plan");
        Assert.True(calls[3].HasUser("renamed1") && !calls[3].HasUser(renamed));
        Assert.Equal(newOwner, calls[4].OwnerOf(moved));
        Assert.True(calls[5].HasDomain("renamed-site.example") && !calls[5].HasDomain(site));
        Assert.Contains("renamed-site.example", calls[5].PublishedDomains(siteOwnerUid)!);
        Assert.True(calls[6].HasUser("newbie"));
        Assert.Equal(["newbie.example"], calls[6].PublishedDomains(29000)!);
        Assert.Contains("no pending hook events", install.Command("hooks", "list").Stdout, StringComparison.Ordinal);

        // A sync without changes runs no hook.
        install.SyncChecked();
        Assert.Equal(7, hooks.Calls().Count);
    }

    [Fact]
    public void Without_a_hooks_directory_derived_events_are_skipped_and_nothing_stays_pending()
    {
        using var database = Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        Assert.False(Directory.Exists(install.Config.HooksDir));

        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 2");
        var sync = install.Sync();
        Assert.True(sync.ExitCode == ExitCodes.Success && sync.Stderr.Length == 0, sync.ToString());

        Assert.Contains("no pending hook events", install.Command("hooks", "list").Stdout, StringComparison.Ordinal);
        var all = install.Command("hooks", "list", "--all").Stdout;
        Assert.Contains("skipped post attempts=1 post_modify_user.py modify -u ", all, StringComparison.Ordinal);
        Assert.Contains(" --new-username renamed1", all, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_derive_hooks_a_sync_stores_and_runs_no_hook()
    {
        using var database = Seeded(Dialect.Postgres);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9, extra: "--no-derive-hooks");
        install.SyncChecked();
        var hooks = new RecordingHooks(install);

        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 2");
        database.Execute("DELETE FROM panel_db_logins WHERE account_id = 4");
        database.Execute("DELETE FROM panel_sites WHERE account_id = 4");
        database.Execute("DELETE FROM panel_accounts WHERE id = 4");
        install.SyncChecked();

        Assert.Empty(hooks.Calls());
        Assert.Contains("no hook events", install.Command("hooks", "list", "--all").Stdout, StringComparison.Ordinal);
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users", "--username", "renamed1")).Result);
    }

    /// <summary>A panel database holding the sample panel of 12 accounts (seed 9).</summary>
    internal static PanelDatabase Seeded(Dialect dialect)
    {
        var database = PanelDatabase.Create(dialect);
        using (var seed = TempInstall.Create(users: 12, seed: 9))
            PanelLoader.Load(database, PanelLoader.ReadStore(seed.Store));
        return database;
    }
}
