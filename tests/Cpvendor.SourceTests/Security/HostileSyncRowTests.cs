using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.Security;

/// <summary>
/// Attack: what the lifecycle commands refuse arrives through a panel database instead. A sync
/// judges every row with the commands' own validators and name rules (docs/contract.md section 3):
/// a name ending in a newline, an account named like an administrator, a document root outside its
/// owner's home or a system uid is rejected alone (section 8), named in the sync's output, and the
/// record's last good version keeps serving.
/// </summary>
public sealed class HostileSyncRowTests
{
    private static readonly string[][] Probe = [["users"], ["domains"], ["admins"], ["resellers"]];

    public static TheoryData<Dialect, string, string> Cases => new()
    {
        { Dialect.MariaDb, "UPDATE panel_accounts SET login = CONCAT(login, '\\n') WHERE id = 3", "invalid user name" },
        { Dialect.Postgres, "UPDATE panel_accounts SET login = login || E'\\n' WHERE id = 3", "invalid user name" },
        { Dialect.MariaDb, "UPDATE panel_accounts SET login = (SELECT login FROM panel_staff WHERE is_owner LIMIT 1) WHERE id = 3", "already the name of administrator" },
        { Dialect.Postgres, "UPDATE panel_accounts SET login = (SELECT login FROM panel_staff WHERE is_owner LIMIT 1) WHERE id = 3", "already the name of administrator" },
        { Dialect.MariaDb, "UPDATE panel_sites SET docroot = '/etc' WHERE account_id = 4", "outside the owner's home" },
        { Dialect.MariaDb, "UPDATE panel_accounts SET uid = 4294967295 WHERE id = 5", "uid 4294967295 is outside" },
        { Dialect.MariaDb, "UPDATE panel_accounts SET home_dir = '/root' WHERE id = 5", "inside the system folder /root" },
        { Dialect.MariaDb, "UPDATE panel_staff SET email = CONCAT(email, '\\n') WHERE is_owner", "invalid e-mail" },
        { Dialect.Postgres, "UPDATE panel_plans SET title = title || E'\\u202E' WHERE id = 1", "invalid package name" },
        { Dialect.MariaDb, "UPDATE panel_db_logins SET login = 'root' WHERE id = (SELECT MIN(id) FROM (SELECT id FROM panel_db_logins) t)", "the database server's own accounts" },
        { Dialect.Postgres, "UPDATE panel_db_logins SET login = 'mariadb.sys' WHERE id = (SELECT MIN(id) FROM panel_db_logins)", "the database server's own accounts" },
        { Dialect.MariaDb, "UPDATE panel_db_logins SET login = REPEAT('d', 64) WHERE id = (SELECT MIN(id) FROM (SELECT id FROM panel_db_logins) t)", "at most 63" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_row_is_rejected_and_its_last_good_version_keeps_serving(Dialect dialect, string sql, string message)
    {
        var database = PanelDatabase.Create(dialect);
        try
        {
            using (var seedInstall = TempInstall.Create(users: 25, seed: 3))
                PanelLoader.Load(database, PanelLoader.ReadStore(seedInstall.Store));
            using var install = SyncedInstall.Create(database, users: 25, seed: 3);
            install.SyncChecked();
            var good = Answers.Of(install, Probe);

            database.Execute(sql);
            var run = install.Sync();

            Assert.True(run.ExitCode == ExitCodes.SyncRejectedRecords, run.ToString());
            Assert.Contains("rejected: ", run.Stderr, StringComparison.Ordinal);
            Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
            Assert.Equal(good, Answers.Of(install, Probe));
        }
        finally
        {
            database.Dispose();
        }
    }
}
