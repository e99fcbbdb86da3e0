using Cpvendor.Store;
using Cpvendor.Store.Identity;
using Cpvendor.Store.Model;

namespace Cpvendor.UnitTests.Store;

/// <summary>
/// docs/contract.md section 3: no two accounts' homes are, contain or lie inside each other. The
/// check reads homes through their index (a one-account change must not read every account); these
/// cases pin what it finds, on a real store.
/// </summary>
public sealed class HomeHolderTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-homeholder-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("/home/alice", 99, null, "alice")] // the same home
    [InlineData("/home/alice/site", 99, null, "alice")] // inside alice's
    [InlineData("/home", 99, null, "al")] // contains every home; the first name wins
    [InlineData("/srv", 99, null, "zed")] // contains /srv/www
    [InlineData("/srv/www/x/y", 99, null, "zed")]
    [InlineData("/home/alic", 99, null, null)] // a shared prefix is not containment
    [InlineData("/home/alice0", 99, null, null)] // '0' follows '/': the end of the range of homes inside
    [InlineData("/home/alice.old", 99, null, null)] // '.' precedes '/'
    [InlineData("/home/alice", 1001, null, null)] // alice's own uid
    [InlineData("/home/alice", 99, "alice", null)] // the account being rehomed
    [InlineData("/home/al/x", 99, "al", null)]
    [InlineData("/home/al/x", 99, "alice", "al")]
    public void Finds_the_account_whose_home_is_contains_or_lies_inside_the_home(string home, long uid, string? except, string? expected)
    {
        var store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 0, seed: 1);
        using (var session = PanelStore.OpenForWrite(store))
        using (var writer = new PanelWriter(session))
        {
            writer.Insert(new UserRow("alice", 1001, "admin", null, null, null, "EN_us", "/home/alice"));
            writer.Insert(new UserRow("al", 1002, "admin", null, null, null, "EN_us", "/home/al"));
            writer.Insert(new UserRow("zed", 1003, "admin", null, null, null, "EN_us", "/srv/www"));
            writer.Insert(new UserRow("bob", 1004, "admin", null, null, null, "EN_us", "/home/alice.old2"));
            writer.Commit();
        }

        using var check = PanelStore.OpenForWrite(store);
        using var reading = new PanelWriter(check);
        Assert.Equal(expected, IdentityQueries.HomeHolder(reading, home, uid, except));
    }
}
