using Cpvendor.Core;
using Cpvendor.Panel.Hooks;
using Cpvendor.Store;

namespace Cpvendor.Panel.Changes;

/// <summary>
/// One change in progress: its transaction (the store's write lock is held from the first
/// statement), the events it stores and the effects it records. Validation reads through the same
/// transaction, so what was checked is what gets changed, whatever other writers do.
/// </summary>
internal sealed class ChangeContext
{
    private readonly bool mayRunPreHooks;

    public ChangeContext(InstallConfig config, PanelWriter writer, bool mayRunPreHooks)
    {
        Config = config;
        Writer = writer;
        this.mayRunPreHooks = mayRunPreHooks;
    }

    public InstallConfig Config { get; }

    public PanelWriter Writer { get; }

    public List<long> EventIds { get; } = [];

    public void Emit(HookEvent hook) => EventIds.Add(HookOutbox.Enqueue(Writer, hook, Config.Time));

    public void Affect(PanelEffect effect) => HookOutbox.RecordEffect(Writer, effect);

    /// <summary>
    /// Runs a pre hook now, before this transaction changes anything, and stores it with its result.
    /// The hook waits instead (stored pending, delivered later but still ahead of the change's post
    /// events) when an earlier event of the same account is pending or when the hook fails: the
    /// panel is never blocked by CloudLinux.
    /// </summary>
    public void RunPreHook(HookEvent hook)
    {
        if (!mayRunPreHooks)
            throw new InvalidOperationException("pre hooks run only in a change that holds the delivery lock");
        if (Writer.HasPendingHookFor(hook.Keys))
        {
            Emit(hook);
            return;
        }

        var attempt = HookRunner.Run(Config, hook);
        FaultPoint.Hit(Config, "after-pre-hook");
        var pending = attempt.State == HookState.Pending;
        EventIds.Add(HookOutbox.Insert(Writer, hook, attempt.State, attempts: 1,
            nextAttemptAt: pending ? HookDelivery.NextAttempt(Config.Time, 1) : 0, error: attempt.Error, Config.Time));
    }
}
