using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

public sealed class FleetTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Two_hosts_on_one_database_serve_disjoint_slices(Dialect dialect)
    {
        using var embedded = TempInstall.Create(users: 60, seed: 5);
        var panel = PanelLoader.ReadStore(embedded.Store);
        using var database = PanelDatabase.Create(dialect);
        PanelLoader.Load(database, panel, i => i % 2 == 0 ? "web1" : "web2", ["web1", "web2"]);
        using var web1 = SyncedInstall.Create(database, "web1", users: 60, seed: 5);
        using var web2 = SyncedInstall.Create(database, "web2", users: 60, seed: 5);
        web1.SyncChecked();
        web2.SyncChecked();

        var users1 = Usernames(web1);
        var users2 = Usernames(web2);
        Assert.NotEmpty(users1);
        Assert.NotEmpty(users2);
        Assert.Empty(users1.Intersect(users2));
        Assert.Equal(panel.Users.Select(u => u.Row.Username).Order(StringComparer.Ordinal), users1.Concat(users2).Order(StringComparer.Ordinal));

        var domains1 = Domains(web1);
        var domains2 = Domains(web2);
        Assert.Empty(domains1.Keys.Intersect(domains2.Keys));
        Assert.All(domains1, d => Assert.Contains(d.Value, users1));
        Assert.All(domains2, d => Assert.Contains(d.Value, users2));
        Assert.Equal(panel.Domains.Count, domains1.Count + domains2.Count);

        // Shared entities are the same on every host.
        Assert.Equal(Envelope.Of(web1.Cpapi("resellers")).Run.Stdout, Envelope.Of(web2.Cpapi("resellers")).Run.Stdout);
        Assert.Equal(Envelope.Of(web1.Cpapi("packages")).Run.Stdout, Envelope.Of(web2.Cpapi("packages")).Run.Stdout);
    }

    private static List<string> Usernames(TempInstall install) =>
        Envelope.Of(install.Cpapi("users")).Data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToList();

    private static Dictionary<string, string> Domains(TempInstall install) =>
        Envelope.Of(install.Cpapi("domains")).Data.EnumerateObject().ToDictionary(d => d.Name, d => d.Value.GetProperty("owner").GetString()!);
}
