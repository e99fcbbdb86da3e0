using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// SQLite creates a database only after <c>lstat</c> on its path fails with <c>ENOENT</c>: any other
/// <c>errno</c> makes it refuse to open the file. The published binary is linked against glibc 2.28,
/// whose stat family it supplies itself (docs/build.md, toolchain/glibc-stat.c); these stores are
/// made where no file, or no folder, exists yet, so a stat that loses <c>errno</c> fails them.
/// </summary>
public sealed class NewStoreFileTests
{
    private static void AssertCreated(string store, int accounts)
    {
        var run = Run.Program(Repo.Binary, ["init", "--store", store, "--sample", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.StartsWith($"created {store} with a sample panel of {accounts} accounts", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
        SqliteBootstrap.Init();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }

    private static void InTempDir(Action<string> test)
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-newstore-").FullName;
        try
        {
            test(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Init_creates_a_store_where_no_file_exists_yet() =>
        InTempDir(dir => AssertCreated(Path.Combine(dir, "panel.db"), 3));

    [Fact]
    public void Init_creates_a_store_in_folders_that_do_not_exist_yet() =>
        InTempDir(dir => AssertCreated(Path.Combine(dir, "lib", "cpvendor", "panel.db"), 3));
}
