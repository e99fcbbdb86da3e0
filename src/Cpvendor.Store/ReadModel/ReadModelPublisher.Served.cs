using Cpvendor.Core;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store.ReadModel;

public static partial class ReadModelPublisher
{
    private const int SchemaCookie = 40;
    private const int UserVersion = 60;

    /// <summary>
    /// Whether the current generation already serves everything the store holds although the two files
    /// differ: the same schema (SQLite's schema cookie and <c>user_version</c> in the header) and the
    /// same served state (<see cref="ReadModelStatus"/>: the panel revision every committed change
    /// bumps, and the last good sync). What differs then is bookkeeping the cpapi never reads (hook
    /// results, delivered effects), so a burst of changes whose hooks ran publishes once, not once more
    /// for the bookkeeping before the next change. Read inside the publisher's read transaction.
    /// </summary>
    private static bool ServesTheSame(SqliteConnection live, SqliteTransaction transaction, ReadOnlySpan<byte> storeHeader, string current)
    {
        Span<byte> generationHeader = stackalloc byte[100];
        try
        {
            using (var file = new FileStream(current, System.IO.FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0))
            {
                if (file.ReadAtLeast(generationHeader, generationHeader.Length, throwOnEndOfStream: false) < generationHeader.Length)
                    return false;
            }

            if (!generationHeader.Slice(SchemaCookie, 4).SequenceEqual(storeHeader.Slice(SchemaCookie, 4))
                || !generationHeader.Slice(UserVersion, 4).SequenceEqual(storeHeader.Slice(UserVersion, 4)))
                return false;
            using var model = ReadModelReader.Connect(current);
            return ReadModelStatus.State(model) == ReadModelStatus.State(live, transaction);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or CpvendorException)
        {
            return false;
        }
    }
}
