using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Hooks;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Panel;

/// <summary>
/// Delivers stored hook events (docs/contract.md section 5), oldest first. Before any hook runs, the effects of
/// every change committed so far are carried out (published answers, Governor map), so a post hook
/// that calls back into the cpapi sees its change. An event that fails, hangs or whose script is
/// missing stays pending with a growing delay (30 s doubling up to 1 h), and every later event
/// sharing one of its keys waits behind it. With no hooks directory (no CloudLinux on this machine)
/// events are marked skipped. One process delivers at a time.
/// </summary>
public static class HookDelivery
{
    private const long KeepFinishedSeconds = 30L * 24 * 3600;

    /// <summary>
    /// Delivers every pending event whose account is not held up by an earlier failure.
    /// <paramref name="ignoreBackoff"/> retries failed events now instead of at their next attempt.
    /// </summary>
    public static DeliveryReport RunPending(InstallConfig config, bool ignoreBackoff = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StoreFailure.Guard(() => RunPendingUnguarded(config, ignoreBackoff));
    }

    private static DeliveryReport RunPendingUnguarded(InstallConfig config, bool ignoreBackoff)
    {
        using var guard = FileLock.TryAcquire(LockFiles.DeliveryPath(config), TimeSpan.FromSeconds(config.HookTimeoutSeconds + 10));
        if (guard is null)
        {
            using var connection = StoreConnection.Open(config);
            EffectFlusher.Flush(config, connection);
            return new DeliveryReport(0, 0, 0, 0, LockBusy: true);
        }

        return RunLocked(config, ignoreBackoff);
    }

    /// <summary>The delivery pass itself; the caller holds the delivery lock.</summary>
    internal static DeliveryReport RunLocked(InstallConfig config, bool ignoreBackoff)
    {
        using var connection = StoreConnection.Open(config);
        var pending = LoadPending(connection);
        EffectFlusher.Flush(config, connection);

        var blocked = new HashSet<string>(StringComparer.Ordinal);
        int delivered = 0, skipped = 0, failed = 0, waiting = 0;
        var now = Sql.Now(config.Time);
        foreach (var (id, hook, attempts, nextAttemptAt) in pending)
        {
            if (hook.Keys.Any(blocked.Contains) || (!ignoreBackoff && nextAttemptAt > now))
            {
                blocked.UnionWith(hook.Keys);
                waiting++;
                continue;
            }

            var attempt = HookRunner.Run(config, hook);
            FaultPoint.Hit(config, "after-hook");
            Record(config.Time, connection, null, id, attempts, attempt);
            switch (attempt.State)
            {
                case HookState.Done:
                    delivered++;
                    break;
                case HookState.Skipped:
                    skipped++;
                    break;
                default:
                    failed++;
                    blocked.UnionWith(hook.Keys);
                    break;
            }
        }

        Sql.Execute(connection, null, "DELETE FROM hook_events WHERE state <> 'pending' AND finished_at < $before",
            ("$before", now - KeepFinishedSeconds));
        return new DeliveryReport(delivered, skipped, failed, waiting, LockBusy: false);
    }

    internal static void Record(TimeProvider time, SqliteConnection connection, SqliteTransaction? transaction, long id, int attemptsBefore, HookRunner.Attempt attempt)
    {
        var attempts = attemptsBefore + 1;
        Sql.Execute(connection, transaction,
            """
            UPDATE hook_events SET state = $state, attempts = $attempts, last_error = $error,
                next_attempt_at = $next, finished_at = $finished
            WHERE id = $id AND state = 'pending'
            """,
            ("$state", HookOutbox.StateName(attempt.State)), ("$attempts", attempts), ("$error", attempt.Error),
            ("$next", attempt.State == HookState.Pending ? NextAttempt(time, attempts) : 0),
            ("$finished", attempt.State == HookState.Pending ? null : Sql.Now(time)), ("$id", id));
    }

    internal static long NextAttempt(TimeProvider time, int attempts) => Sql.Now(time) + Math.Min(30L << Math.Min(attempts - 1, 7), 3600);

    private static List<(long Id, HookEvent Hook, int Attempts, long NextAttemptAt)> LoadPending(SqliteConnection connection)
    {
        var events = new List<(long, HookEvent, int, long)>();
        using var command = Sql.Command(connection, null,
            "SELECT id, phase, script, args, keys, attempts, next_attempt_at FROM hook_events WHERE state = 'pending' ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var hook = new HookEvent(
                reader.GetString(1) == "pre" ? HookPhase.Pre : HookPhase.Post,
                reader.GetString(2),
                JsonSerializer.Deserialize(reader.GetString(3), PanelJsonContext.Default.StringArray) ?? [],
                reader.GetString(4).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            events.Add((reader.GetInt64(0), hook, reader.GetInt32(5), reader.GetInt64(6)));
        }

        return events;
    }
}
