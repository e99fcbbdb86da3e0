using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// How this library runs one statement: parameters bound by name (null as SQL NULL), inside the
/// given transaction if any, and any SQLite failure turned into the project's exception by
/// <see cref="StoreFailure"/>. <see cref="PanelWriter"/> and <see cref="StoreSession"/> both run
/// their statements through it.
/// </summary>
internal static class Statements
{
    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters) =>
        StoreFailure.Guard(() =>
        {
            using var command = Command(connection, transaction, sql, parameters);
            return command.ExecuteNonQuery();
        }, connection);

    public static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters) =>
        StoreFailure.Guard(() =>
        {
            using var command = Command(connection, transaction, sql, parameters);
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }, connection);

    /// <summary>Every row of <paramref name="sql"/>, mapped while the statement runs.</summary>
    public static List<T> Rows<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> map, (string Name, object? Value)[] parameters) =>
        StoreFailure.Guard(() =>
        {
            var rows = new List<T>();
            using var command = Command(connection, transaction, sql, parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add(map(reader));
            return rows;
        }, connection);

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
