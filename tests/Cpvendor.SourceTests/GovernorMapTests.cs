using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>A sync keeps the MySQL Governor map (docs/contract.md section 7) in step with the panel's database users.</summary>
public sealed class GovernorMapTests
{
    [Fact]
    public void Sync_rewrites_the_map_when_a_database_user_or_its_account_changes()
    {
        using var database = HookDeliveryTests.Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var map = install.Config.GovernorMap;
        var login = database.Text("SELECT login FROM panel_accounts WHERE id = 1")!;
        var uid = database.Text("SELECT uid FROM panel_accounts WHERE id = 1")!;
        var expected = database.Text("SELECT COUNT(*) FROM panel_db_logins")!;
        Assert.Equal(expected, File.ReadAllLines(map).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        database.Execute("INSERT INTO panel_db_logins (id, account_id, login) VALUES (900, 1, 'zz_added')");
        install.SyncChecked();
        Assert.Equal($"zz_added {login} {uid}", File.ReadAllLines(map)[^1]);

        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 1");
        install.SyncChecked();
        var lines = File.ReadAllLines(map);
        Assert.Equal($"zz_added renamed1 {uid}", lines[^1]);
        Assert.DoesNotContain(lines, l => l.Split(' ')[1] == login);
    }
}
