using System.Reflection;
using Cpvendor.Core;
using Cpvendor.Panel;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.UnitTests;

/// <summary>The lifecycle changes the store only through the operations the store offers, and hears of its failures as the project's exception.</summary>
public sealed class StoreApiTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-storeapi-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private InstallConfig DamagedStore()
    {
        var store = Path.Combine(dir, "panel.db");
        File.WriteAllText(store, "this is not an SQLite database, it only has the store's name\n");
        return InstallConfig.ForRoot(Path.Combine(dir, "root"), store);
    }

    [Fact]
    public void A_change_on_a_damaged_store_fails_as_a_cpvendor_exception()
    {
        var panel = new PanelService(DamagedStore());

        var e = Assert.Throws<CpvendorException>(() => panel.AddPackage("admin", "Basic"));

        Assert.IsType<SqliteException>(e.InnerException);
        Assert.Equal(ExitCodes.Failure, e.ExitCode);
    }

    [Fact]
    public void Listing_and_delivering_hooks_on_a_damaged_store_fail_as_cpvendor_exceptions()
    {
        var config = DamagedStore();

        Assert.Throws<CpvendorException>(() => HookOutbox.List(config));
        Assert.Throws<CpvendorException>(() => HookOutbox.Skip(config, 1));
        Assert.Throws<CpvendorException>(() => HookDelivery.RunPending(config));
    }

    [Fact]
    public void The_writer_hands_out_neither_its_connection_nor_its_transaction()
    {
        var exposed = typeof(PanelWriter).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(SqliteConnection).IsAssignableFrom(p.PropertyType) || typeof(SqliteTransaction).IsAssignableFrom(p.PropertyType))
            .Select(p => p.Name);

        Assert.Empty(exposed);
    }

    [Fact]
    public void Deleting_the_main_administrator_makes_the_first_remaining_one_main()
    {
        var store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 0, seed: 1);
        var panel = new PanelService(InstallConfig.ForRoot(Path.Combine(dir, "root"), store));
        panel.AddAdmin(new NewAdmin("zeta", null, null, null, IsMain: true));
        panel.AddAdmin(new NewAdmin("beta", null, null, null, IsMain: false));

        panel.DeleteAdmin("zeta");

        using var reader = PanelReader.Open(store);
        var main = reader.Admins().Where(a => a.IsMain).Select(a => a.Name).ToList();
        Assert.Equal([reader.Admins().Select(a => a.Name).Order(StringComparer.Ordinal).First()], main);
    }
}
