using Cpvendor.Store.Model;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>The answer book's change log (migration 8) from position <paramref name="after"/> on; at most <paramref name="limit"/> rows (the rest cut).</summary>
    public BookLog BookLog(long after, int limit) => StoreFailure.Guard(() => BookLogUnguarded(after, limit), connection);

    private BookLog BookLogUnguarded(long after, int limit)
    {
        string epoch;
        using (var command = Command("SELECT epoch FROM book_log WHERE id = 1"))
            epoch = command.ExecuteScalar() as string ?? "";
        long position, oldest;
        using (var command = Command("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'book_changes'), 0), COALESCE((SELECT min(id) FROM book_changes), 0)"))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            position = reader.GetInt64(0);
            oldest = reader.GetInt64(1);
        }

        var changes = new List<BookChange>();
        using (var command = Command("SELECT id, kind, key FROM book_changes WHERE id > $a ORDER BY id LIMIT $l", ("$a", after), ("$l", limit)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                changes.Add(new BookChange(reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2)));
        }

        return new BookLog(epoch, position, oldest, after, changes);
    }
}
