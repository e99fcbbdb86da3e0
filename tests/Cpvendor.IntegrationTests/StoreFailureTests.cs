using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// A damaged store, or one another process keeps locked, makes a root command exit with
/// <see cref="ExitCodes.Failure"/> and one line saying which store failed and what SQLite said:
/// no exception type, no SQLite error text as SQLite's library words it, no stack trace.
/// </summary>
public sealed class StoreFailureTests
{
    private static void Damage(TempInstall install) => File.WriteAllText(install.Store, new string('x', 8192));

    private static void AssertStoreFailure(TempInstall install, RunResult run, string said)
    {
        Assert.True(run.ExitCode == ExitCodes.Failure, run.ToString());
        Assert.Equal($"cpvendor: panel store {install.Store}: {said}\n", run.Stderr);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Holds SQLite's exclusive lock on the store until disposed, as a stuck writer of another process would.</summary>
    private static SqliteConnection Lock(TempInstall install)
    {
        SqliteBootstrap.Init();
        var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = install.Store, Pooling = false }.ToString());
        holder.Open();
        using var exclusive = holder.CreateCommand();
        exclusive.CommandText = "BEGIN EXCLUSIVE";
        exclusive.ExecuteNonQuery();
        return holder;
    }

    [Fact]
    public void A_lifecycle_command_on_a_damaged_store_says_which_store_failed()
    {
        using var install = TempInstall.Create(users: 4);
        Damage(install);

        var run = install.Command("user", "add", "zed", "--owner", "admin", "--domain", "zed.example", "--uid", "31001");

        AssertStoreFailure(install, run, "file is not a database (SQLite error 26)");
    }

    [Fact]
    public void Issuing_a_ui_token_on_a_damaged_store_says_which_store_failed()
    {
        using var install = TempInstall.Create(users: 4);
        Damage(install);

        var run = install.Command("ui-token", "issue", "--user", "admin");

        AssertStoreFailure(install, run, "file is not a database (SQLite error 26)");
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Issuing_a_ui_token_while_the_store_is_locked_says_the_store_is_locked()
    {
        using var install = TempInstall.Create(users: 4);
        using var holder = Lock(install);

        var run = install.Command("ui-token", "issue", "--user", "admin");

        AssertStoreFailure(install, run, "database is locked (SQLite error 5)");
    }

    [Fact]
    public void A_sync_on_a_damaged_store_says_which_store_failed()
    {
        using var install = TempInstall.Create(users: 4);
        install.Checked("settings", "source", "mysql", "--connection-string", "Server=127.0.0.1;Port=9;User ID=nobody;Password=none;Database=none");
        Damage(install);

        AssertStoreFailure(install, install.Command("sync"), "file is not a database (SQLite error 26)");
        AssertStoreFailure(install, install.Command("sync", "--status"), "file is not a database (SQLite error 26)");
    }

    [Fact]
    public void The_sync_status_of_a_locked_store_says_the_store_is_locked()
    {
        using var install = TempInstall.Create(users: 4);
        using var holder = Lock(install);

        AssertStoreFailure(install, install.Command("sync", "--status"), "database is locked (SQLite error 5)");
    }
}
