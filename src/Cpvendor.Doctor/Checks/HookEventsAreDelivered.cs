namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 5: a hook that fails or hangs is recorded and retried, never lost. Events
/// still waiting or given up on are reported from the store's hook queue. The queue is read
/// defensively (any table whose name mentions hooks, with a state or status column): a store
/// without one is reported as unknown.
/// </summary>
internal sealed class HookEventsAreDelivered : Check
{
    private static readonly string[] DoneStates = ["done", "delivered", "sent", "ok", "succeeded", "success", "completed"];

    public override string Name => "Hook events are delivered";

    public override string Section => "5";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (queue, problem) = host.StoreQuery(store => store.HookQueueCounts());
        if (queue is null)
        {
            yield return Unknown("the store cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (queue.Tables is null)
        {
            yield return Unknown("this store has no hook queue, so undelivered hook events cannot be seen", null, "upgrade cpvendor; the panel should run hooks through 'cpvendor' lifecycle commands");
            yield break;
        }

        var failed = queue.Counts.Where(c => c.State.StartsWith("fail", StringComparison.OrdinalIgnoreCase) || c.State.StartsWith("dead", StringComparison.OrdinalIgnoreCase)).Sum(c => c.Count);
        var pending = queue.Counts.Where(c => !DoneStates.Contains(c.State.ToLowerInvariant())).Sum(c => c.Count) - failed;
        var evidence = $"{queue.Tables}: " + string.Join(", ", queue.Counts.Select(c => $"{c.Count} {c.State}"));
        if (failed > 0)
            yield return Error($"{failed} hook event(s) failed: CloudLinux missed these changes", evidence, "look at the recorded errors, fix the hook, and retry the queue");
        if (pending > 0)
            yield return Warning($"{pending} hook event(s) wait for delivery", evidence, "check that the hook runner runs (and that the hooks directory exists)");
        if (failed == 0 && pending == 0)
            yield return Ok("every hook event was delivered", evidence);
    }
}
