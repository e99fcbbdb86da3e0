using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// Plants a situation in a store file below the store's API, as a panel of another release, a
/// writer that died before it published, or a damaged disk would leave it. The product itself
/// changes the store only through Cpvendor.Store's operations.
/// </summary>
public static class StoreFixture
{
    /// <summary>Runs <paramref name="sql"/> in one committed transaction that bumps the store revision, as a committed change does.</summary>
    public static void Change(string store, string sql) =>
        Execute(store, "BEGIN IMMEDIATE;\n" + sql + ";\nUPDATE panel SET revision = revision + 1 WHERE id = 1;\nCOMMIT;");

    /// <summary>Runs <paramref name="sql"/> as it is (autocommit), leaving the revision alone.</summary>
    public static void Execute(string store, string sql)
    {
        SqliteBootstrap.Init();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
