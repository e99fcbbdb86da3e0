using Cpvendor.Core;
using Cpvendor.Panel;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.UnitTests;

/// <summary>
/// A store that is damaged or locked by another process reaches the library's callers (ui tokens,
/// readers, the hook queue) as <see cref="CpvendorException"/> naming the store file, with SQLite's
/// own exception kept inside: never as a raw <see cref="SqliteException"/>.
/// </summary>
public sealed class StoreFailureTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-storefailure-").FullName;
    private readonly string store;
    private readonly InstallConfig config;

    public StoreFailureTests()
    {
        store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 40, seed: 5);
        config = InstallConfig.ForRoot(Path.Combine(dir, "root"), store);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private string FirstUser()
    {
        using var reader = PanelReader.Open(store);
        return reader.Users(new UserFilter()).First().Username;
    }

    /// <summary>Overwrites the file with text: SQLite no longer recognises it as a database.</summary>
    private void Damage() => File.WriteAllText(store, new string('x', 8192));

    /// <summary>Keeps the header page and overwrites every page after it: the store opens, its tables cannot be read.</summary>
    private void DamageTables()
    {
        using var file = new FileStream(store, FileMode.Open, FileAccess.Write);
        var length = file.Length;
        file.Position = 4096;
        var junk = new byte[length - 4096];
        Array.Fill(junk, (byte)0xA5);
        file.Write(junk);
    }

    private void AssertStoreFailure(CpvendorException e, string said)
    {
        Assert.Equal(ExitCodes.Failure, e.ExitCode);
        Assert.IsType<SqliteException>(e.InnerException);
        Assert.Contains(store, e.Message, StringComparison.Ordinal);
        Assert.Contains(said, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuing_a_ui_token_on_a_damaged_store_fails_as_a_cpvendor_exception()
    {
        var user = FirstUser();
        Damage();

        var e = Assert.Throws<CpvendorException>(() => UiTokens.Issue(config, user));

        AssertStoreFailure(e, "file is not a database");
    }

    [Fact]
    public void Resolving_a_ui_token_on_a_damaged_store_fails_as_a_cpvendor_exception()
    {
        var token = UiTokens.Issue(config, FirstUser());
        Damage();

        var e = Assert.Throws<CpvendorException>(() => UiTokens.Resolve(config, token));

        AssertStoreFailure(e, "file is not a database");
    }

    [Fact]
    public void Issuing_a_ui_token_while_another_process_holds_the_store_locked_fails_as_a_cpvendor_exception()
    {
        var user = FirstUser();
        SqliteBootstrap.Init();
        using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false }.ToString());
        holder.Open();
        using var exclusive = holder.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();

        var e = Assert.Throws<CpvendorException>(() => UiTokens.Issue(config, user));

        AssertStoreFailure(e, "database is locked");
    }

    [Fact]
    public void Rows_that_cannot_be_read_while_they_are_listed_fail_as_a_cpvendor_exception()
    {
        DamageTables();
        using var reader = PanelReader.Open(store);

        var e = Assert.Throws<CpvendorException>(() => reader.Users(new UserFilter()).ToList());

        AssertStoreFailure(e, "malformed");
    }

    [Fact]
    public void The_hook_queue_of_a_store_whose_tables_are_damaged_fails_as_a_cpvendor_exception()
    {
        DamageTables();

        var e = Assert.Throws<CpvendorException>(() => HookOutbox.List(config, all: true));

        AssertStoreFailure(e, "malformed");
    }
}
