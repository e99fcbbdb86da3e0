using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// An open panel store, from <see cref="PanelStore"/>. Changes go through a <see cref="PanelWriter"/>
/// made on it (one transaction each); reads through a <see cref="PanelReader"/> made on it; the few
/// operations that stand alone (the hook queue's bookkeeping, the effects left to carry out, the
/// sync's state) are its own methods, one concern per partial file under <c>Session/</c>. Its
/// connection never leaves this library, and a failure of SQLite leaves it as
/// <see cref="Core.CpvendorException"/>.
/// </summary>
public sealed partial class StoreSession : IDisposable
{
    internal StoreSession(SqliteConnection connection) => Connection = connection;

    internal SqliteConnection Connection { get; }

    public void Dispose() => Connection.Dispose();

    private int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Statements.Execute(Connection, null, sql, parameters);

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        Statements.Scalar(Connection, null, sql, parameters);

    /// <summary>Every row of <paramref name="sql"/>, mapped while the statement runs.</summary>
    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Statements.Rows(Connection, null, sql, map, parameters);

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long? Number(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
