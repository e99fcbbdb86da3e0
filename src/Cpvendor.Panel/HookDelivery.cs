using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Hooks;
using Cpvendor.Store;

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
        using var guard = FileLock.TryAcquire(LockFiles.DeliveryPath(config), TimeSpan.FromSeconds(config.HookTimeoutSeconds + 10));
        if (guard is null)
        {
            using var store = StoreConnection.Open(config);
            EffectFlusher.Flush(config, store);
            return new DeliveryReport(0, 0, 0, 0, LockBusy: true);
        }

        return RunLocked(config, ignoreBackoff);
    }

    /// <summary>The delivery pass itself; the caller holds the delivery lock.</summary>
    internal static DeliveryReport RunLocked(InstallConfig config, bool ignoreBackoff)
    {
        using var store = StoreConnection.Open(config);
        var pending = store.PendingHookEvents();
        EffectFlusher.Flush(config, store);

        var blocked = new HashSet<string>(StringComparer.Ordinal);
        int delivered = 0, skipped = 0, failed = 0, waiting = 0;
        var now = UnixTime.Now(config.Time);
        foreach (var stored in pending)
        {
            var hook = new HookEvent(HookOutbox.Phase(stored.Phase), stored.Script, HookOutbox.Arguments(stored.ArgumentsJson), stored.Keys);
            if (hook.Keys.Any(blocked.Contains) || (!ignoreBackoff && stored.NextAttemptAt > now))
            {
                blocked.UnionWith(hook.Keys);
                waiting++;
                continue;
            }

            var attempt = HookRunner.Run(config, hook);
            FaultPoint.Hit(config, "after-hook");
            Record(config.Time, store, stored.Id, stored.Attempts, attempt);
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

        store.ForgetFinishedHookEvents(now - KeepFinishedSeconds);
        return new DeliveryReport(delivered, skipped, failed, waiting, LockBusy: false);
    }

    internal static void Record(TimeProvider time, StoreSession store, long id, int attemptsBefore, HookRunner.Attempt attempt)
    {
        var attempts = attemptsBefore + 1;
        var pending = attempt.State == HookState.Pending;
        store.RecordHookAttempt(id, HookOutbox.StateName(attempt.State), attempts, attempt.Error,
            pending ? NextAttempt(time, attempts) : 0, pending ? null : UnixTime.Now(time));
    }

    internal static long NextAttempt(TimeProvider time, int attempts) => UnixTime.Now(time) + Math.Min(30L << Math.Min(attempts - 1, 7), 3600);
}
