using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>Direct looks into a store file: integrity, and single values.</summary>
public static class StoreCheck
{
    /// <summary>Asserts SQLite's integrity and foreign-key checks pass, and the panel invariants hold.</summary>
    public static void AssertConsistent(string store)
    {
        using var connection = Open(store);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        Assert.Null(Scalar(connection, "SELECT 1 FROM pragma_foreign_key_check LIMIT 1"));
        // Every account has exactly one main domain (docs/contract.md section 3).
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM users u WHERE (SELECT count(*) FROM domains d WHERE d.owner = u.username AND d.is_main = 1) <> 1"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pending_effects"));
    }

    public static object? Scalar(string store, string sql)
    {
        using var connection = Open(store);
        return Scalar(connection, sql);
    }

    private static SqliteConnection Open(string store)
    {
        SqliteBootstrap.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
