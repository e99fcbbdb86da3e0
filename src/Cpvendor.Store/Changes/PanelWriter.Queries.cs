using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>The reads a change makes inside its own transaction, so that what it checks is what it changes.</summary>
public sealed partial class PanelWriter
{
    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        StoreFailure.Guard(() =>
        {
            using var command = Command(sql, parameters);
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }, connection);

    /// <summary>Every row of <paramref name="sql"/> in this transaction, mapped while the statement runs.</summary>
    internal List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        StoreFailure.Guard(() =>
        {
            var rows = new List<T>();
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(map(reader));
            return rows;
        }, connection);

    private bool Exists(string sql, params (string Name, object? Value)[] parameters) =>
        Scalar("SELECT EXISTS (" + sql + ")", parameters) is long value && value != 0;

    private long Count(string sql, params (string Name, object? Value)[] parameters) =>
        (long)(Scalar(sql, parameters) ?? 0L);
}
