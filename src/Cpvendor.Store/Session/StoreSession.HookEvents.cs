using System.Text.Json;
using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// The hook queue's bookkeeping outside a change (docs/contract.md section 5): what is pending, each
/// delivery attempt, the operator's skip, the purge of old finished events. Each statement commits
/// on its own and leaves the store revision alone: the queue is no panel data.
/// </summary>
public sealed partial class StoreSession
{
    private const string HookColumns = "id, phase, script, args, keys, state, attempts, created_at, next_attempt_at, last_error";

    /// <summary>The pending events, oldest first.</summary>
    public IReadOnlyList<StoredHookEvent> PendingHookEvents() =>
        Rows($"SELECT {HookColumns} FROM hook_events WHERE state = 'pending' ORDER BY id", HookEvent);

    /// <summary>Every stored event (pending, delivered and skipped), oldest first.</summary>
    public IReadOnlyList<StoredHookEvent> AllHookEvents() =>
        Rows($"SELECT {HookColumns} FROM hook_events ORDER BY id", HookEvent);

    /// <summary>The events of <paramref name="ids"/> that are still stored, oldest first.</summary>
    public IReadOnlyList<StoredHookEvent> HookEventsWithIds(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var json = JsonSerializer.Serialize(ids.ToArray(), StoreJsonContext.Default.Int64Array);
        return Rows($"SELECT {HookColumns} FROM hook_events WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each($ids)) ORDER BY id",
            HookEvent, ("$ids", json));
    }

    /// <summary>
    /// Records one delivery attempt of a pending event: its new <paramref name="state"/> ("pending"
    /// again after a failure, with <paramref name="nextAttemptAt"/>; "done" or "skipped" with
    /// <paramref name="finishedAt"/>). An event no longer pending is left as it is.
    /// </summary>
    public void RecordHookAttempt(long id, string state, int attempts, string? error, long nextAttemptAt, long? finishedAt) =>
        Execute(
            """
            UPDATE hook_events SET state = $state, attempts = $attempts, last_error = $error,
                next_attempt_at = $next, finished_at = $finished
            WHERE id = $id AND state = 'pending'
            """,
            ("$state", state), ("$attempts", attempts), ("$error", error), ("$next", nextAttemptAt), ("$finished", finishedAt), ("$id", id));

    /// <summary>Marks a pending event skipped by the operator at <paramref name="now"/>; false when no pending event has that id.</summary>
    public bool SkipHookEvent(long id, long now) =>
        Execute(
            "UPDATE hook_events SET state = 'skipped', finished_at = $now, last_error = COALESCE(last_error || '; ', '') || 'skipped by operator' WHERE id = $id AND state = 'pending'",
            ("$id", id), ("$now", now)) == 1;

    /// <summary>Forgets the events that finished (delivered or skipped) before <paramref name="before"/>.</summary>
    public void ForgetFinishedHookEvents(long before) =>
        Execute("DELETE FROM hook_events WHERE state <> 'pending' AND finished_at < $before", ("$before", before));

    private static StoredHookEvent HookEvent(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            r.GetString(5), r.GetInt32(6), r.GetInt64(7), r.GetInt64(8), Text(r, 9));
}
