using System.Runtime.InteropServices;
using System.Text;
using Cpvendor.Store.Native;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// A forward-only view of a query's rows whose text columns are UTF-8 spans into SQLite's own row
/// buffer, valid until the next <see cref="Read"/>: large answers are written straight from the
/// store into the JSON writer without a string per column.
/// </summary>
public sealed unsafe class RowCursor : IDisposable
{
    private readonly SqliteConnection connection;
    private nint statement;

    internal RowCursor(SqliteConnection connection, string sql, ReadOnlySpan<object> parameters)
    {
        this.connection = connection;
        var db = connection.Handle!.DangerousGetHandle();
        var text = Encoding.UTF8.GetBytes(sql);
        nint prepared;
        fixed (byte* p = text)
        {
            Check(Sqlite3.Prepare(db, p, text.Length, &prepared, null));
        }

        statement = prepared;
        for (var i = 0; i < parameters.Length; i++)
        {
            switch (parameters[i])
            {
                case long number:
                    Check(Sqlite3.BindInt64(statement, i + 1, number));
                    break;
                case string value:
                    var utf8 = Encoding.UTF8.GetBytes(value);
                    fixed (byte* p = utf8)
                    {
                        Check(Sqlite3.BindText(statement, i + 1, p, utf8.Length, Sqlite3.Transient));
                    }

                    break;
                default:
                    throw new ArgumentException($"unsupported parameter type {parameters[i]?.GetType().Name}", nameof(parameters));
            }
        }
    }

    /// <summary>Moves to the next row; false when there are no more.</summary>
    public bool Read()
    {
        var rc = Sqlite3.Step(statement);
        if (rc == Sqlite3.Row)
            return true;
        if (rc != Sqlite3.Done)
            Check(rc);
        return false;
    }

    public bool IsNull(int column) => Sqlite3.ColumnType(statement, column) == Sqlite3.Null;

    public long Number(int column) => Sqlite3.ColumnInt64(statement, column);

    /// <summary>The column as UTF-8 bytes (empty for NULL); valid until the next <see cref="Read"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int column)
    {
        var p = Sqlite3.ColumnText(statement, column);
        return p == null ? default : new ReadOnlySpan<byte>(p, Sqlite3.ColumnBytes(statement, column));
    }

    public void Dispose()
    {
        if (statement != 0)
            _ = Sqlite3.Finalize(statement);
        statement = 0;
    }

    private void Check(int rc)
    {
        if (rc == Sqlite3.Ok)
            return;
        var message = Marshal.PtrToStringUTF8((nint)Sqlite3.ErrorMessage(connection.Handle!.DangerousGetHandle())) ?? "unknown error";
        Dispose();
        throw StoreFailure.From(new SqliteException($"SQLite Error {rc}: '{message}'.", rc), StoreFailure.Name(connection));
    }
}
