using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// A host of a fleet reads its own slice of the views, filtered in the database, and an unchanged
/// panel costs one read of the optional marker view (docs/sources.md).
/// </summary>
public sealed class ViewFleetScaleTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_host_never_reads_the_database_users_of_accounts_served_elsewhere(Dialect dialect)
    {
        using var embedded = TempInstall.Create(users: 40, seed: 5);
        var panel = PanelLoader.ReadStore(embedded.Store);
        using var database = PanelDatabase.Create(dialect);
        PanelLoader.Load(database, panel, i => i % 2 == 0 ? "web1" : "web2", ["web1", "web2"]);
        // A database login of a web2 account that the view cannot turn into a name: only web2 may trip on it.
        var web2Account = database.Text("SELECT a.id FROM panel_accounts a JOIN panel_servers s ON s.id = a.server_id WHERE s.hostname = 'web2' ORDER BY a.id")!;
        database.Execute($"INSERT INTO panel_db_logins (id, account_id, login) VALUES (9000, {web2Account}, 'unnamed')");
        database.Execute("DROP VIEW cpvendor_db_users");
        database.Execute("CREATE VIEW cpvendor_db_users AS SELECT NULLIF(l.login, 'unnamed') AS db_user, a.login AS owner FROM panel_db_logins l JOIN panel_accounts a ON a.id = l.account_id");
        using var web1 = SyncedInstall.Create(database, "web1", users: 40, seed: 5);
        using var web2 = SyncedInstall.Create(database, "web2", users: 40, seed: 5);

        web1.SyncChecked();
        var rejected = web2.Sync();

        Assert.NotEqual(0, rejected.ExitCode);
        Assert.Contains("cpvendor_db_users", rejected.Stderr, StringComparison.Ordinal);
        var served = Envelope.Of(web1.Cpapi("users")).Data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToHashSet(StringComparer.Ordinal);
        var mapped = Envelope.Of(web1.Cpapi("db_info")).Data.GetProperty("mysql").GetProperty("mapping").EnumerateObject().Select(m => m.Name).ToList();
        Assert.NotEmpty(mapped);
        Assert.All(mapped, owner => Assert.Contains(owner, served));
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void An_unchanged_marker_view_spares_the_read_and_a_changed_one_reads_the_slice(Dialect dialect)
    {
        using var embedded = TempInstall.Create(users: 20, seed: 5);
        var panel = PanelLoader.ReadStore(embedded.Store);
        using var database = PanelDatabase.Create(dialect);
        PanelLoader.Load(database, panel, i => i % 2 == 0 ? "web1" : "web2", ["web1", "web2"]);
        database.Execute("CREATE TABLE panel_changes (server VARCHAR(64), serial BIGINT NOT NULL)");
        database.Execute("INSERT INTO panel_changes (server, serial) VALUES (NULL, 1), ('web1', 1), ('web2', 1)");
        database.Execute("CREATE VIEW cpvendor_change_marker AS SELECT server, serial AS marker FROM panel_changes");
        using var web1 = SyncedInstall.Create(database, "web1", users: 20, seed: 5);
        web1.SyncChecked();
        var users = Envelope.Of(web1.Cpapi("users")).Run.Stdout;

        // Without the users view a read would fail: an unchanged marker does not read it.
        database.Execute("DROP VIEW cpvendor_users");
        var unchanged = web1.Sync();
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("panel not read", unchanged.Stdout, StringComparison.Ordinal);
        Assert.Equal(users, Envelope.Of(web1.Cpapi("users")).Run.Stdout);

        // Another host's marker is not this host's business; its own or the shared one is.
        database.Execute("UPDATE panel_changes SET serial = 2 WHERE server = 'web2'");
        Assert.Contains("panel not read", web1.Sync().Stdout, StringComparison.Ordinal);
        database.Execute("UPDATE panel_changes SET serial = 2 WHERE server IS NULL");
        Assert.NotEqual(0, web1.Sync().ExitCode);
        database.Execute(PanelSchema.Views.Single(v => v.Contains("CREATE VIEW cpvendor_users ", StringComparison.Ordinal)));
        var read = web1.Sync();
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.DoesNotContain("panel not read", read.Stdout, StringComparison.Ordinal);
    }
}
