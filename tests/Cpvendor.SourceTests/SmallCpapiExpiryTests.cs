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
        // The calls within the maximum age must be made within it: a machine too loaded to sync and
        // call in ten seconds is given a maximum age four times as long, so only the expiry is
        // judged, never the machine's speed.
        for (var maxAge = 10L; ; maxAge *= 4)
        {
            using var install = SyncedInstall.Create(database, users: 12, seed: 3, extra: ["--max-age", maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            install.SyncChecked();
            var full = install.FullCpapi(null, "users");
            var small = Away(install, () => install.Cpapi("users"));
            var last = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            if (last >= before + maxAge)
            {
                Assert.True(maxAge < 600, "not even ten minutes were enough to sync and make two calls");
                continue;
            }

            // Within the maximum age: the book answers, without the full binary.
            Assert.Equal("ok", Envelope.Of(full).Result);
            Assert.Equal(full.Stdout, small.Stdout);

            while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= last + maxAge + 1)
                Thread.Sleep(250);

            // Past it: the book no longer answers; the full path says why.
            var stale = Envelope.Of(install.Cpapi("users"));
            Assert.Equal("InternalAPIError", stale.Result);
            Assert.Equal(Envelope.Of(install.FullCpapi(null, "users")).Result, stale.Result);
            Assert.Equal(Unstartable, Away(install, () => Envelope.Of(install.Cpapi("users")).Message));
            return;
        }
    }

    private static T Away<T>(TempInstall install, Func<T> call)
    {
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            return call();
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }
    }
}
