using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>
/// The store's source row as a sync keeps it: which source it serves from and how its last syncs
/// went. Each statement commits on its own and leaves the store revision alone.
/// </summary>
public sealed partial class StoreSession
{
    /// <summary>The source row; null in a store that has none.</summary>
    public SourceRow? Source() =>
        Rows("SELECT kind, server, max_age_seconds, derive_hooks, last_good_sync, last_attempt, last_error FROM source WHERE id = 1",
            r => new SourceRow(r.GetString(0), Text(r, 1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetInt64(3) != 0, Number(r, 4), Number(r, 5), Text(r, 6)))
        .SingleOrDefault();

    /// <summary>Stamps a sync that found nothing to change at <paramref name="now"/> (Unix seconds) and clears the last error.</summary>
    public void MarkSyncGood(long now) =>
        Execute("UPDATE source SET last_good_sync = $t, last_attempt = $t, last_error = NULL WHERE id = 1", ("$t", now));

    /// <summary>Records a sync that failed at <paramref name="now"/> (Unix seconds), keeping the last good one.</summary>
    public void RecordSyncFailure(string message, long now) =>
        Execute("UPDATE source SET last_attempt = $t, last_error = $e WHERE id = 1", ("$t", now), ("$e", message));
}
