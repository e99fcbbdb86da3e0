using Cpvendor.Core;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Turns SQLite's own exception into the project's at the edge of an operation on the store, so
/// that callers of the lifecycle and the sync handle one exception type.
/// </summary>
public static class StoreFailure
{
    public static CpvendorException From(SqliteException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return CpvendorException.StoreFailed(e.Message, e);
    }

    /// <summary>Runs <paramref name="operation"/>; a <see cref="SqliteException"/> leaves it as a <see cref="CpvendorException"/>.</summary>
    public static T Guard<T>(Func<T> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return operation();
        }
        catch (SqliteException e)
        {
            throw From(e);
        }
    }
}
