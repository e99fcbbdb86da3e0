using Cpvendor.Store;

namespace Cpvendor.UnitTests.Store;

public sealed class SampleGeneratorTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-sample-").FullName;

    [Fact]
    public void A_panel_larger_than_the_random_name_space_is_generated_in_full()
    {
        // Two syllables and a number below 100 make about 90,000 names; this panel needs more.
        var created = StoreInitializer.Create(Path.Combine(dir, "big.db"), 100_000, seed: 3);

        Assert.Equal(100_000, created.Users);
        Assert.Equal(100_000 / 50, created.Resellers);
        using var reader = PanelReader.Open(Path.Combine(dir, "big.db"));
        var names = reader.Users(new UserFilter()).Select(u => u.Username).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_same_seed_gives_the_same_panel()
    {
        Assert.Equal(Users("a.db", 1_500, 11), Users("b.db", 1_500, 11));
        Assert.NotEqual(Users("c.db", 1_500, 11), Users("d.db", 1_500, 12));
    }

    [Fact]
    public void Small_panels_only_use_the_random_names_they_always_had()
    {
        // A name numbered from 100 up is drawn only after repeated collisions; a panel of a few
        // thousand accounts never gets there, so its random draws, and so its data, are unchanged.
        // (A reseller's own hosting account is its name and "w": it carries no number.)
        var suffixes = Users("small.db", 5_000, 7)
            .Select(u => new string(u.Username.Reverse().TakeWhile(char.IsAsciiDigit).Reverse().ToArray()))
            .Where(digits => digits.Length > 0)
            .Select(digits => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(suffixes, n => Assert.InRange(n, 0, 99));
    }

    private List<Cpvendor.Contract.UserInfo> Users(string file, int users, int seed)
    {
        var path = Path.Combine(dir, file);
        StoreInitializer.Create(path, users, seed);
        using var reader = PanelReader.Open(path);
        return reader.Users(new UserFilter()).ToList();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
