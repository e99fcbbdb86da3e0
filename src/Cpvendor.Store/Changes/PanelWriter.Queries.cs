using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>The reads a change makes inside its own transaction, so that what it checks is what it changes.</summary>
public sealed partial class PanelWriter
{
    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters) =>
        Statements.Command(connection, transaction, sql, parameters);

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters) =>
        Statements.Scalar(connection, transaction, sql, parameters);

    /// <summary>Every row of <paramref name="sql"/> in this transaction, mapped while the statement runs.</summary>
    internal List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters) =>
        Statements.Rows(connection, transaction, sql, map, parameters);

    private bool Exists(string sql, params (string Name, object? Value)[] parameters) =>
        Scalar("SELECT EXISTS (" + sql + ")", parameters) is long value && value != 0;

    private long Count(string sql, params (string Name, object? Value)[] parameters) =>
        (long)(Scalar(sql, parameters) ?? 0L);
}
