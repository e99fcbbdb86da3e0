using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;
using Microsoft.Data.Sqlite;

namespace Cpvendor.SourceTests.Records;

/// <summary>
/// docs/contract.md section 8 over the cpvendor_* views: a record the sync cannot accept is rejected
/// alone and keeps its last accepted version (a new one waits); everything else is applied, with its
/// hooks; names claimed twice stay with the record already served; the dependents of a rejected
/// reseller or package keep their versions too; and the rejected record, once corrected, is applied.
/// </summary>
public sealed class ViewRejectedRecordTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_bad_record_is_rejected_alone_while_a_deletion_and_a_new_account_are_applied(Dialect dialect)
    {
        using var database = HookDeliveryTests.Seeded(dialect);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var deleted = database.Text("SELECT login FROM panel_accounts WHERE id = 4")!;
        var siteOwner = database.Text("SELECT login FROM panel_accounts WHERE id = 1")!;
        var site = database.Text("SELECT fqdn FROM panel_sites WHERE account_id = 1 ORDER BY id")!;
        var siteId = database.Text($"SELECT id FROM panel_sites WHERE fqdn = '{site}'")!;
        var contact = database.Text("SELECT login FROM panel_accounts WHERE id = 5")!;

        // A domain the contract cannot carry, a contact with a display name, a deletion and a new account.
        database.Execute($"UPDATE panel_sites SET fqdn = 'bad_name.example' WHERE id = {siteId}");
        database.Execute("UPDATE panel_accounts SET email = 'Site Owner <owner@example.com>' WHERE id = 5");
        database.Execute("DELETE FROM panel_db_logins WHERE account_id = 4");
        database.Execute("DELETE FROM panel_sites WHERE account_id = 4");
        database.Execute("DELETE FROM panel_accounts WHERE id = 4");
        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (900, 'newbie', 29000, 'admin', NULL, NULL, 'EN_us', '/home/newbie', NULL)");
        database.Execute("INSERT INTO panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler) VALUES (900, 900, 'newbie.example', '/home/newbie/public_html', TRUE, NULL, NULL)");
        var sync = install.Sync();

        RejectionReport.Everywhere(install, sync, $"cpvendor_domains bad_name.example (domain_id {siteId}): invalid domain name");
        Assert.Contains("its last accepted version is served", sync.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            [
                $"pre_modify_user.py delete --username {deleted}",
                $"post_modify_user.py delete --username {deleted}",
                "post_modify_user.py create --username newbie --owner admin",
            ],
            hooks.Lines());
        var users = Users(install);
        Assert.DoesNotContain(deleted, users.Keys);
        Assert.Contains("newbie", users.Keys);
        Assert.Equal("owner@example.com", users[contact].GetProperty("email").GetString());
        var domains = Envelope.Of(install.Cpapi("domains")).Data;
        Assert.Equal(siteOwner, domains.GetProperty(site).GetProperty("owner").GetString());
        Assert.False(domains.TryGetProperty("bad_name.example", out _));
        Assert.True(domains.TryGetProperty("newbie.example", out _));

        // Corrected in the panel, the record is applied with its hook.
        database.Execute($"UPDATE panel_sites SET fqdn = 'good-name.example' WHERE id = {siteId}");
        install.SyncChecked();
        Assert.Equal($"post_modify_domain.py modify -u {siteOwner} --domain {site} --new-domain good-name.example", hooks.Lines()[^1]);
        RejectionReport.None(install);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_name_claimed_twice_stays_with_the_record_already_served(Dialect dialect)
    {
        using var database = HookDeliveryTests.Seeded(dialect);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var taken = database.Text("SELECT login FROM panel_accounts WHERE id = 2")!;
        var takenUid = database.Text("SELECT uid FROM panel_accounts WHERE id = 2")!;
        var site = database.Text("SELECT fqdn FROM panel_sites WHERE account_id = 3 ORDER BY id")!;
        var changed = database.Text("SELECT login FROM panel_accounts WHERE id = 6")!;

        // A newcomer with a served username, two newcomers with one new username, a new site with a served name.
        database.Execute($"INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (901, '{taken}', 29001, 'admin', NULL, NULL, 'EN_us', '/home/dup901', NULL)");
        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (902, 'twin', 29002, 'admin', NULL, NULL, 'EN_us', '/home/twin902', NULL)");
        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (903, 'twin', 29003, 'admin', NULL, NULL, 'EN_us', '/home/twin903', NULL)");
        database.Execute($"INSERT INTO panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler) VALUES (904, 1, '{site}', (SELECT home_dir FROM panel_accounts WHERE id = 1), FALSE, NULL, NULL)");
        database.Execute("UPDATE panel_accounts SET email = 'changed@example.com' WHERE id = 6");
        var sync = install.Sync();

        RejectionReport.Everywhere(install, sync,
            $"cpvendor_users {taken} (account_id 901): username '{taken}' is also claimed by {taken} (account_id 2); {taken} (account_id 2), already served with it, keeps it",
            "cpvendor_users twin (account_id 902)",
            "none of them is served yet",
            $"cpvendor_domains {site} (domain_id 904): domain name '{site}' is also claimed by");
        var users = Users(install);
        Assert.Equal(takenUid, users[taken].GetProperty("id").ToString());
        Assert.DoesNotContain("twin", users.Keys);
        Assert.Equal("changed@example.com", users[changed].GetProperty("email").GetString());
        Assert.Equal(database.Text("SELECT login FROM panel_accounts WHERE id = 3"), Envelope.Of(install.Cpapi("domains")).Data.GetProperty(site).GetProperty("owner").GetString());
        Assert.Empty(hooks.Lines());

        // Once the panel leaves one twin and frees the names, the rest is applied.
        database.Execute("DELETE FROM panel_accounts WHERE id IN (901, 902)");
        database.Execute("DELETE FROM panel_sites WHERE id = 904");
        install.SyncChecked();
        Assert.Equal(["post_modify_user.py create --username twin --owner admin"], hooks.Lines());
        RejectionReport.None(install);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_rejected_reseller_holds_back_its_packages_and_accounts(Dialect dialect)
    {
        // A sample panel has a reseller per 50 accounts.
        using var database = PanelDatabase.Create(dialect);
        using (var seed = TempInstall.Create(users: 60, seed: 9))
            PanelLoader.Load(database, PanelLoader.ReadStore(seed.Store));
        using var install = SyncedInstall.Create(database, users: 60, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var reseller = database.Text("SELECT owner_login FROM panel_accounts WHERE owner_login IN (SELECT login FROM panel_resellers) ORDER BY id")!;
        var account = database.Text($"SELECT login FROM panel_accounts WHERE owner_login = '{reseller}' ORDER BY id")!;
        var before = Users(install)[account].GetProperty("email").ToString();
        var other = database.Text("SELECT login FROM panel_accounts WHERE owner_login = 'admin' ORDER BY id")!;

        database.Execute($"UPDATE panel_resellers SET email = 'not an address' WHERE login = '{reseller}'");
        database.Execute($"UPDATE panel_accounts SET email = 'held@example.com' WHERE login = '{account}'");
        database.Execute($"INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (905, 'waiting', 29005, '{reseller}', NULL, NULL, 'EN_us', '/home/waiting', NULL)");
        database.Execute($"UPDATE panel_accounts SET email = 'applied@example.com' WHERE login = '{other}'");
        var sync = install.Sync();

        RejectionReport.Everywhere(install, sync,
            $"cpvendor_resellers {reseller}: invalid e-mail address 'not an address'",
            $"cpvendor_users {account} (account_id",
            $"its reseller '{reseller}' is not accepted (its last accepted version is served)",
            $"cpvendor_users waiting (account_id 905): its reseller '{reseller}' is not accepted (not served until it is accepted)");
        var users = Users(install);
        Assert.Equal(before, users[account].GetProperty("email").ToString());
        Assert.DoesNotContain("waiting", users.Keys);
        Assert.Equal("applied@example.com", users[other].GetProperty("email").GetString());
        Assert.Empty(hooks.Lines());

        database.Execute($"UPDATE panel_resellers SET email = 'reseller@example.com' WHERE login = '{reseller}'");
        install.SyncChecked();
        Assert.Equal([$"post_modify_user.py create --username waiting --owner {reseller}"], hooks.Lines());
        Assert.Equal("held@example.com", Users(install)[account].GetProperty("email").GetString());
        RejectionReport.None(install);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_package_renamed_to_a_bad_name_keeps_its_accounts_and_its_old_name(Dialect dialect)
    {
        using var database = HookDeliveryTests.Seeded(dialect);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var planId = database.Text("SELECT MIN(plan_id) FROM panel_accounts WHERE plan_id IS NOT NULL")!;
        var plan = database.Text($"SELECT title FROM panel_plans WHERE id = {planId}")!;
        var member = database.Text($"SELECT login FROM panel_accounts WHERE plan_id = {planId} ORDER BY id")!;
        var packages = Envelope.Of(install.Cpapi("packages")).Run.Stdout;

        database.Execute($"UPDATE panel_plans SET title = '-bad plan' WHERE id = {planId}");
        database.Execute($"UPDATE panel_accounts SET email = 'member@example.com' WHERE login = '{member}'");
        var sync = install.Sync();

        RejectionReport.Everywhere(install, sync, "cpvendor_packages -bad plan of", $"its package '-bad plan' of");
        Assert.Contains($"cpvendor_packages {plan} of", sync.Stderr, StringComparison.Ordinal);
        Assert.Equal(packages, Envelope.Of(install.Cpapi("packages")).Run.Stdout);
        Assert.Equal(plan, Users(install)[member].GetProperty("package").GetProperty("name").GetString());
        Assert.Empty(hooks.Lines());

        database.Execute($"UPDATE panel_plans SET title = 'Fixed plan' WHERE id = {planId}");
        install.SyncChecked();
        Assert.Contains($"post_modify_package.py rename --name {plan} --new-name Fixed plan", hooks.Lines());
        Assert.Equal("member@example.com", Users(install)[member].GetProperty("email").GetString());
        RejectionReport.None(install);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_sync_with_rejected_records_is_a_good_sync_for_the_maximum_age(Dialect dialect)
    {
        using var database = HookDeliveryTests.Seeded(dialect);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9, extra: ["--max-age", "600"]);
        install.SyncChecked();
        // The last good sync was two hours ago; the panel now has a sub-server name the contract cannot carry.
        using (var store = new SqliteConnection($"Data Source={install.Store};Pooling=false"))
        {
            store.Open();
            using var command = store.CreateCommand();
            command.CommandText = "UPDATE source SET last_good_sync = last_good_sync - 7200";
            command.ExecuteNonQuery();
        }

        database.Execute("UPDATE panel_sites SET fqdn = 'under_score.example' WHERE id = (SELECT MIN(id) FROM panel_sites)");
        var sync = install.Sync();

        RejectionReport.Everywhere(install, sync, "cpvendor_domains under_score.example");
        Assert.Equal("ok", Envelope.Of(install.Cpapi("admins")).Result);
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users")).Result);
        Assert.Equal("ok", Envelope.Of(install.Cpapi("panel_info")).Result);
        Assert.NotEmpty(Directory.EnumerateFiles(install.Config.UsersDir));
        Assert.DoesNotContain("STALE", install.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonElement> Users(TempInstall install) =>
        Envelope.Of(install.Cpapi("users")).Data.EnumerateArray().ToDictionary(u => u.GetProperty("username").GetString()!, u => u, StringComparer.Ordinal);
}
