using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// docs/sources.md: a sync is one burst, and it publishes the read model once however many accounts
/// it changes. Each publish renames one new generation into place; <see cref="PublishWatch"/> counts
/// those renames as the kernel reports them. Two syncs of one change each count two, so a sync that
/// published per account would count 1,000.
/// </summary>
public sealed class SyncPublishOnceTests
{
    private const int Accounts = 1_200;

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void A_sync_changing_1000_accounts_publishes_the_read_model_once(Dialect dialect)
    {
        using var database = PanelDatabase.Create(dialect);
        using (var seed = TempInstall.Create(users: Accounts, seed: 13))
            PanelLoader.Load(database, PanelLoader.ReadStore(seed.Store));
        using var install = SyncedInstall.Create(database, users: 1, seed: 13);
        install.SyncChecked();
        using var watch = new PublishWatch(install.Config);

        database.Execute("UPDATE panel_accounts SET email = 'one@example.com' WHERE id = 1");
        install.SyncChecked();
        database.Execute("UPDATE panel_accounts SET email = 'two@example.com' WHERE id = 2");
        install.SyncChecked();
        Assert.Equal(2, watch.Publishes());

        // 1,000 accounts change: 990 get a new address, 10 a new name (a hook each).
        database.Execute("UPDATE panel_accounts SET email = 'burst@example.com' WHERE id BETWEEN 101 AND 1090");
        var renamed = dialect == Dialect.MariaDb ? "CONCAT('brst', id)" : "'brst' || id";
        database.Execute($"UPDATE panel_accounts SET login = {renamed} WHERE id BETWEEN 1091 AND 1100");
        var run = install.Sync();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("10 hooks", run.Stdout, StringComparison.Ordinal);

        Assert.Equal(3, watch.Publishes());
        var users = Envelope.Of(IniScripts.Of(install).Call("users", "--fields=username,email")).Is("ok").Data.EnumerateArray().ToList();
        Assert.Equal(Accounts, users.Count);
        Assert.Equal(990, users.Count(u => u.GetProperty("email").GetString() == "burst@example.com"));
        Assert.Equal(10, users.Count(u => u.GetProperty("username").GetString()!.StartsWith("brst", StringComparison.Ordinal)));
    }
}
