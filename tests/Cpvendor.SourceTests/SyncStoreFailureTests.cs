using Cpvendor.Core;
using Cpvendor.Sources;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.SourceTests;

/// <summary>
/// The sync as a library: a store that SQLite cannot read reaches the caller as
/// <see cref="CpvendorException"/> naming the store, never as SQLite's own exception.
/// </summary>
public sealed class SyncStoreFailureTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-syncfailure-").FullName;
    private readonly InstallConfig config;

    public SyncStoreFailureTests()
    {
        var store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 3, seed: 2);
        config = InstallConfig.ForRoot(Path.Combine(dir, "root"), store);
        new SourceSettings(SourceKind.MySql, null, null, DeriveHooks: true).Save(store, "Server=127.0.0.1;Port=9;User ID=nobody;Password=none;Database=none");
        File.WriteAllText(store, new string('x', 8192));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_sync_on_a_damaged_store_fails_as_a_cpvendor_exception()
    {
        var e = Assert.Throws<CpvendorException>(() => SyncRunner.Run(config));

        Assert.Equal(ExitCodes.Failure, e.ExitCode);
        Assert.IsType<SqliteException>(e.InnerException);
        Assert.Equal($"panel store {config.Store}: file is not a database (SQLite error 26)", e.Message);
    }

    [Fact]
    public void The_sync_status_of_a_damaged_store_fails_as_a_cpvendor_exception()
    {
        var e = Assert.Throws<CpvendorException>(() => SyncStatus.Read(config, DateTimeOffset.UnixEpoch));

        Assert.IsType<SqliteException>(e.InnerException);
        Assert.Contains(config.Store, e.Message, StringComparison.Ordinal);
    }
}
