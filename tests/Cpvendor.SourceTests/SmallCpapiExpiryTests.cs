using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// A sync with <c>--max-age</c> stamps the answer book with the last second its data may be served:
/// the small binary answers from the book until then and not one second longer.
/// </summary>
public sealed class SmallCpapiExpiryTests
{
    private const string Unstartable = "the cpvendor binary beside cpvendor-cpapi could not be run: reinstall cpvendor";

    [Fact]
    public void The_book_of_a_sync_stops_answering_once_its_data_is_older_than_the_maximum_age()
    {
        using var database = PanelDatabase.Create(Dialect.MariaDb);
        using (var seedInstall = TempInstall.Create(users: 12, seed: 3))
            PanelLoader.Load(database, PanelLoader.ReadStore(seedInstall.Store));
        using var install = SyncedInstall.Create(database, users: 12, seed: 3, extra: ["--max-age", "10"]);
        install.SyncChecked();
        var synced = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var expected = install.FullCpapi(null, "users").Stdout;

        // Within the maximum age: the book answers, without the full binary.
        Assert.Equal("ok", Envelope.Of(install.FullCpapi(null, "users")).Result);
        Away(install, () => Assert.Equal(expected, install.Cpapi("users").Stdout));

        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= synced + 11)
            Thread.Sleep(250);

        // Past it: the book no longer answers; the full path says why.
        var stale = Envelope.Of(install.Cpapi("users"));
        Assert.Equal("InternalAPIError", stale.Result);
        Assert.Equal(Envelope.Of(install.FullCpapi(null, "users")).Result, stale.Result);
        Away(install, () => Assert.Equal(Unstartable, Envelope.Of(install.Cpapi("users")).Message));
    }

    private static void Away(TempInstall install, Action check)
    {
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            check();
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }
    }
}
