using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// The correctness part of the fleet benchmark (bench/Cpvendor.FleetBench) at a small size: several
/// hosts on one panel database with the change marker, each serving exactly its slice before and
/// after a change, and only the changed host reading the panel again.
/// </summary>
public sealed class FleetSliceTests
{
    private const int Hosts = 4;
    private const int Accounts = 120;

    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Every_host_serves_exactly_its_slice_and_only_a_changed_host_reads_again(Dialect dialect)
    {
        using var embedded = TempInstall.Create(users: Accounts, seed: 21);
        var panel = PanelLoader.ReadStore(embedded.Store);
        using var database = PanelDatabase.Create(dialect);
        var names = FleetPanel.Hosts(Hosts);
        PanelLoader.Load(database, panel, i => FleetPanel.Host(i, Hosts), names);
        FleetPanel.Prepare(database, names);
        var installs = names.Select(h => (Host: h, Install: SyncedInstall.Create(database, h, users: Accounts, seed: 21))).ToList();
        try
        {
            foreach (var (_, install) in installs)
                install.SyncChecked();
            AssertSlices(panel, installs, renamed: null);

            var host = installs[0].Host;
            var site = database.Text($"SELECT MIN(d.id) FROM panel_sites d JOIN panel_accounts a ON a.id = d.account_id JOIN panel_servers s ON s.id = a.server_id WHERE s.hostname = '{host}'")!;
            var before = database.Text($"SELECT fqdn FROM panel_sites WHERE id = {site}")!;
            database.Execute($"UPDATE panel_sites SET fqdn = 'renamed-{before}' WHERE id = {site}");
            FleetPanel.Bump(database, host);
            var outputs = installs.Select(i => (i.Host, Run: i.Install.Sync())).ToList();

            Assert.All(outputs, o => Assert.True(o.Run.ExitCode == 0, o.Run.ToString()));
            Assert.DoesNotContain("panel not read", outputs[0].Run.Stdout, StringComparison.Ordinal);
            Assert.All(outputs.Skip(1), o => Assert.Contains("panel not read", o.Run.Stdout, StringComparison.Ordinal));
            AssertSlices(panel, installs, (before, "renamed-" + before));
        }
        finally
        {
            foreach (var (_, install) in installs)
                install.Dispose();
        }
    }

    private static void AssertSlices(Cpvendor.Sources.PanelSnapshot panel, List<(string Host, TempInstall Install)> installs, (string Old, string New)? renamed)
    {
        foreach (var (host, install) in installs)
        {
            var users = panel.Users.Where((_, i) => FleetPanel.Host(i, Hosts) == host).Select(u => u.Row.Username).ToHashSet(StringComparer.Ordinal);
            var domains = panel.Domains.Where(d => users.Contains(d.Row.Owner)).Select(d => d.Row.Name == renamed?.Old ? renamed.Value.New : d.Row.Name).Order(StringComparer.Ordinal);
            var dbUsers = panel.DbUsers.Where(d => users.Contains(d.Owner)).Select(d => d.DbUser).Order(StringComparer.Ordinal);

            Assert.Equal(users.Order(StringComparer.Ordinal), Envelope.Of(install.Cpapi("users")).Data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!));
            Assert.Equal(domains, Envelope.Of(install.Cpapi("domains")).Data.EnumerateObject().Select(d => d.Name));
            Assert.Equal(dbUsers, Envelope.Of(install.Cpapi("db_info")).Data.GetProperty("mysql").GetProperty("mapping").EnumerateObject()
                .SelectMany(m => m.Value.EnumerateArray().Select(x => x.GetString()!)).Order(StringComparer.Ordinal));
        }
    }
}
