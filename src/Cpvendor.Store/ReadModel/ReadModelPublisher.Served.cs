using Cpvendor.Core;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store.ReadModel;

public static partial class ReadModelPublisher
{
    /// <summary>
    /// Whether the current generation, of the store's schema (<see cref="StoreHeader.SameSchemaAs"/>),
    /// already serves everything the store holds although the two files differ: the same served state
    /// (<see cref="ReadModelStatus"/>: the panel revision every committed change bumps, and the last
    /// good sync). What differs then is bookkeeping the cpapi never reads (hook results, delivered
    /// effects), so a burst of changes whose hooks ran publishes once, not once more for the
    /// bookkeeping before the next change. Read inside the publisher's read transaction.
    /// </summary>
    private static bool ServesTheSame(SqliteConnection live, SqliteTransaction transaction, string current)
    {
        try
        {
            using var model = ReadModelReader.Connect(current);
            return ReadModelStatus.State(model) == ReadModelStatus.State(live, transaction);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or CpvendorException)
        {
            return false;
        }
    }
}
