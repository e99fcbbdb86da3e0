using System.Text.RegularExpressions;
using Cpvendor.Core;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Turns SQLite's own exception into the project's at the edge of an operation on the store, so
/// that callers of the lifecycle, the sync and the readers handle one exception type. Every public
/// operation of this library that reaches SQLite goes through it. The message names the store file
/// and says what SQLite said, without SQLite's exception type: <c>panel store PATH: database is
/// locked (SQLite error 5)</c>.
/// </summary>
internal static partial class StoreFailure
{
    public static CpvendorException From(SqliteException e, string? store)
    {
        var said = SqliteMessage().Match(e.Message.Trim()) is { Success: true } m
            ? $"{m.Groups[2].Value} (SQLite error {m.Groups[1].Value})"
            : e.Message.Trim();
        return CpvendorException.StoreFailed(string.IsNullOrEmpty(store) ? $"panel store: {said}" : $"panel store {store}: {said}", e);
    }

    /// <summary>Runs <paramref name="operation"/> on the store at <paramref name="store"/>; a <see cref="SqliteException"/> leaves it as a <see cref="CpvendorException"/>.</summary>
    public static T Guard<T>(Func<T> operation, string? store)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw From(e, store);
        }
    }

    /// <summary>Runs <paramref name="operation"/> on <paramref name="connection"/>'s store; see the other overload.</summary>
    public static T Guard<T>(Func<T> operation, SqliteConnection connection)
    {
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw From(e, Name(connection));
        }
    }

    public static void Guard(Action operation, SqliteConnection connection)
    {
        try
        {
            operation();
        }
        catch (SqliteException e)
        {
            throw From(e, Name(connection));
        }
    }

    /// <summary>The rows of a lazy query, each step guarded: a failure while the rows are read leaves as a <see cref="CpvendorException"/>.</summary>
    public static IEnumerable<T> Each<T>(IEnumerable<T> rows, SqliteConnection connection)
    {
        using var e = Guard(rows.GetEnumerator, connection);
        while (true)
        {
            T current;
            try
            {
                if (!e.MoveNext())
                    yield break;
                current = e.Current;
            }
            catch (SqliteException failure)
            {
                throw From(failure, Name(connection));
            }

            yield return current;
        }
    }

    /// <summary>The file <paramref name="connection"/> reads (its data source while it is closed).</summary>
    public static string? Name(SqliteConnection connection)
    {
        try
        {
            return connection.DataSource;
        }
        catch (Exception e) when (e is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^SQLite Error (\d+): '(.*)'\.$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SqliteMessage();
}
