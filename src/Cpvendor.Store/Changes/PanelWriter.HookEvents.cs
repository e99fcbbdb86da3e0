namespace Cpvendor.Store;

/// <summary>
/// The outbox half of a change: its hook events and the effects it leaves to carry out after the
/// commit, stored in the change's own transaction so that a crash loses neither the change nor them.
/// </summary>
public sealed partial class PanelWriter
{
    /// <summary>
    /// Stores one hook event; returns its id. <paramref name="argumentsJson"/> is the argument vector
    /// as a JSON array, <paramref name="keys"/> the accounts it concerns (events of an account run in order).
    /// </summary>
    public long InsertHookEvent(string phase, string script, string argumentsJson, IReadOnlyList<string> keys, string state,
        int attempts, long now, long nextAttemptAt, string? error)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var value = Scalar(
            """
            INSERT INTO hook_events (phase, script, args, keys, state, attempts, created_at, next_attempt_at, finished_at, last_error)
            VALUES ($phase, $script, $args, $keys, $state, $attempts, $now, $next, $finished, $error)
            RETURNING id
            """,
            ("$phase", phase), ("$script", script), ("$args", argumentsJson), ("$keys", " " + string.Join(' ', keys) + " "),
            ("$state", state), ("$attempts", attempts), ("$now", now), ("$next", nextAttemptAt),
            ("$finished", state == "pending" ? null : now), ("$error", error));
        return (long)value!;
    }

    /// <summary>Whether a pending event concerns one of <paramref name="keys"/>: a new event of theirs must wait behind it.</summary>
    public bool HasPendingHookFor(IReadOnlyList<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return StoreFailure.Guard(() =>
        {
            using var command = Command("SELECT keys FROM hook_events WHERE state = 'pending'", []);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var stored = reader.GetString(0);
                if (keys.Any(k => stored.Contains(" " + k + " ", StringComparison.Ordinal)))
                    return true;
            }

            return false;
        }, connection);
    }

    /// <summary>Records an effect (what to republish, which Governor lines to patch) to carry out after the commit.</summary>
    public void RecordEffect(string effect) => Execute("INSERT INTO pending_effects (effect) VALUES ($e)", ("$e", effect));
}
