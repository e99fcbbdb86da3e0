using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;
using Microsoft.Data.Sqlite;

namespace Cpvendor.SourceTests;

/// <summary>An unreachable, dying or inconsistent panel database never breaks the answers.</summary>
public sealed class FailureTests
{
    private static readonly string[][] Probe = [["users"], ["domains", "--with-php"], ["admins"], ["packages"]];

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Bad_rows_are_rejected_alone_and_the_rest_is_applied(Dialect dialect)
    {
        using var fixture = Fixture.Create(dialect);
        var good = Answers.Of(fixture.Install, [["domains", "--with-php"], ["admins"], ["packages"]]);
        var orphan = fixture.Database.Text("SELECT login FROM panel_accounts WHERE id = 3")!;
        var owner = Envelope.Of(fixture.Install.Cpapi("users", "--username", orphan)).Data[0].GetProperty("owner").GetString();
        var changed = fixture.Database.Text("SELECT login FROM panel_accounts WHERE id = 6")!;
        // One account without its owner, a second main domain, an overlong db user; and a good change.
        fixture.Database.Execute("UPDATE panel_accounts SET owner_login = 'ghost' WHERE id = 3");
        fixture.Database.Execute("UPDATE panel_sites SET is_primary = TRUE WHERE account_id = 4");
        fixture.Database.Execute($"INSERT INTO panel_db_logins (id, account_id, login) VALUES (9999, 5, '{new string('x', 70)}')");
        fixture.Database.Execute("UPDATE panel_accounts SET email = 'changed@example.com' WHERE id = 6");

        var run = fixture.Install.Sync();
        Assert.Equal(ExitCodes.SyncRejectedRecords, run.ExitCode);
        Assert.Contains("owner 'ghost'", run.Stderr);
        Assert.Contains("main domain", run.Stderr);
        Assert.Contains("at most 63", run.Stderr);
        Assert.Equal(good, Answers.Of(fixture.Install, [["domains", "--with-php"], ["admins"], ["packages"]]));
        Assert.Equal(owner, Envelope.Of(fixture.Install.Cpapi("users", "--username", orphan)).Data[0].GetProperty("owner").GetString());
        Assert.Equal("changed@example.com", Envelope.Of(fixture.Install.Cpapi("users", "--username", changed)).Data[0].GetProperty("email").GetString());
        var status = Run.Program(fixture.Install.Binary, ["sync", "--status"]);
        Assert.Contains("owner 'ghost' is neither an admin nor a reseller (its last accepted version is served)", status.Stdout);
        Assert.DoesNotContain("last error", status.Stdout);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Unreachable_database_keeps_the_last_good_sync_serving(Dialect dialect)
    {
        using var fixture = Fixture.Create(dialect);
        var good = Answers.Of(fixture.Install, Probe);
        var port = dialect == Dialect.MariaDb ? "Port=33306" : "Port=55432";
        // Nothing listens on port 9: the database is down.
        Run.Checked(fixture.Install.Binary, "settings", "source", fixture.Database.SourceKind, "--connection-string",
            fixture.Database.ConnectionString.Replace(port, "Port=9", StringComparison.Ordinal));

        var run = fixture.Install.Sync();
        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Contains("unreachable", run.Stderr);
        Assert.Equal(good, Answers.Of(fixture.Install, Probe));
        var status = Run.Program(fixture.Install.Binary, ["sync", "--status"]);
        Assert.Contains("last good sync", status.Stdout);
        Assert.Contains("unreachable", status.Stdout);
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public async Task Database_killed_mid_sync_leaves_the_previous_data(Dialect dialect)
    {
        using var fixture = Fixture.Create(dialect);
        var good = Answers.Of(fixture.Install, Probe);
        fixture.Database.Execute("UPDATE panel_accounts SET email = 'changed@example.com'");
        // The domains view now takes twenty minutes, longer than any wait of the test, so the sync is surely
        // inside its read when killed.
        fixture.Database.Execute("DROP VIEW cpvendor_domains");
        var slow = PanelSchema.Views.Single(v => v.Contains("cpvendor_domains", StringComparison.Ordinal))
            .Replace("FROM panel_sites d", dialect == Dialect.MariaDb ? "FROM panel_sites d JOIN (SELECT SLEEP(1200) AS z) w" : "FROM panel_sites d JOIN (SELECT pg_sleep(1200) AS z) w ON TRUE", StringComparison.Ordinal);
        if (dialect == Dialect.MariaDb)
            slow = slow.Replace("JOIN (SELECT SLEEP(1200) AS z) w", "JOIN (SELECT SLEEP(1200) AS z) w ON TRUE", StringComparison.Ordinal);
        fixture.Database.Execute(slow);

        var sync = Task.Run(fixture.Install.Sync);
        KillSessionsWhenBusy(fixture.Database, Run.HangGuard);
        var run = await sync;
        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
        Assert.Equal(good, Answers.Of(fixture.Install, Probe));
    }

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Data_older_than_the_maximum_age_is_an_internal_error_for_every_caller(Dialect dialect)
    {
        using var fixture = Fixture.Create(dialect, "--max-age", "600");
        Assert.Equal("ok", Envelope.Of(fixture.Install.Cpapi("admins")).Result);
        // The last good sync was two hours ago, and the database is down now.
        using (var store = new SqliteConnection($"Data Source={fixture.Install.Store};Pooling=false"))
        {
            store.Open();
            using var command = store.CreateCommand();
            command.CommandText = "UPDATE source SET last_good_sync = last_good_sync - 7200";
            command.ExecuteNonQuery();
        }

        // The cpapi reads the published read model: publish what the store now says.
        Run.Checked(fixture.Install.Binary, "publish");

        var admins = Envelope.Of(fixture.Install.Cpapi("admins"));
        Assert.Equal("InternalAPIError", admins.Result);
        Assert.Contains("old", admins.Message);

        var port = dialect == Dialect.MariaDb ? "Port=33306" : "Port=55432";
        Run.Checked(fixture.Install.Binary, "settings", "source", fixture.Database.SourceKind, "--max-age", "600", "--connection-string",
            fixture.Database.ConnectionString.Replace(port, "Port=9", StringComparison.Ordinal));
        Assert.NotEqual(0, fixture.Install.Sync().ExitCode);
        Assert.Equal("InternalAPIError", Envelope.Of(fixture.Install.Cpapi("panel_info")).Result);
        Assert.Empty(Directory.EnumerateFiles(fixture.Install.Config.UsersDir));

        // The database is back: the next sync serves again, files included.
        Run.Checked(fixture.Install.Binary, "settings", "source", fixture.Database.SourceKind, "--max-age", "600", "--connection-string", fixture.Database.ConnectionString);
        fixture.Install.SyncChecked();
        Assert.Equal("ok", Envelope.Of(fixture.Install.Cpapi("panel_info")).Result);
        Assert.Equal("ok", Envelope.Of(fixture.Install.Cpapi("admins")).Result);
        Assert.NotEmpty(Directory.EnumerateFiles(fixture.Install.Config.UsersDir));
    }

    private static void KillSessionsWhenBusy(PanelDatabase database, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        using var admin = database.Open();
        while (DateTime.UtcNow < deadline)
        {
            using var find = admin.CreateCommand();
            find.CommandText = database.Dialect == Dialect.MariaDb
                ? $"SELECT id FROM information_schema.processlist WHERE db = '{database.Name}' AND id <> CONNECTION_ID() AND info LIKE '%cpvendor_domains%'"
                : $"SELECT pid FROM pg_stat_activity WHERE datname = '{database.Name}' AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%cpvendor_domains%'";
            var ids = new List<long>();
            using (var reader = find.ExecuteReader())
            {
                while (reader.Read())
                    ids.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            }

            if (ids.Count > 0)
            {
                foreach (var id in ids)
                {
                    PanelDatabase.Execute(admin, database.Dialect == Dialect.MariaDb ? $"KILL {id}" : $"SELECT pg_terminate_backend({id})");
                }

                return;
            }

            Thread.Sleep(50);
        }

        throw new InvalidOperationException("the sync never reached the domains view");
    }

    private sealed class Fixture : IDisposable
    {
        public required PanelDatabase Database { get; init; }

        public required TempInstall Install { get; init; }

        public static Fixture Create(Dialect dialect, params string[] extra)
        {
            var database = PanelDatabase.Create(dialect);
            using (var seedInstall = TempInstall.Create(users: 25, seed: 3))
                PanelLoader.Load(database, PanelLoader.ReadStore(seedInstall.Store));
            var install = SyncedInstall.Create(database, users: 25, seed: 3, extra: extra);
            install.SyncChecked();
            return new Fixture { Database = database, Install = install };
        }

        public void Dispose()
        {
            Install.Dispose();
            Database.Dispose();
        }
    }
}
