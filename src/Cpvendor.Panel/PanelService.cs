using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Hooks;
using Cpvendor.Store;

namespace Cpvendor.Panel;

/// <summary>
/// The panel's lifecycle operations on the embedded store, for a C# panel to call in-process (the
/// cpvendor commands are thin over it). Each operation validates its input, changes the store in
/// one transaction that also stores its hook events and the effects it has (an outbox), then
/// republishes what the change affects, rewrites the Governor map if needed and delivers the hooks
/// (docs/contract.md section 5). Bad input throws <see cref="CpvendorException"/> with exit code 2 and changes
/// nothing. Run as root.
/// </summary>
public sealed partial class PanelService
{
    private readonly InstallConfig config;

    public PanelService(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        this.config = config;
    }

    /// <summary>The service of the installation the running binary belongs to.</summary>
    public static PanelService ForThisInstall() => new(InstallLayout.LoadForThisBinary());

    public InstallConfig Config => config;

    /// <summary>
    /// The frame of every operation. Pre hooks need the delivery lock before the write transaction
    /// begins (lock order: delivery, then store), and earlier events are delivered first so that
    /// the pre hook keeps its place in line.
    /// </summary>
    private ChangeResult Change(Func<ChangeContext, string> apply, bool withPreHooks = false)
    {
        if (InBatch(apply) is { } batched)
            return batched;
        FileLock? delivery = null;
        try
        {
            if (withPreHooks)
            {
                delivery = FileLock.Acquire(LockFiles.DeliveryPath(config), TimeSpan.FromSeconds(config.HookTimeoutSeconds + 30));
                HookDelivery.RunLocked(config, ignoreBackoff: false);
            }

            string summary;
            List<long> ids;
            using (var store = StoreConnection.Open(config))
            {
                using (var writer = new PanelWriter(store))
                {
                    var context = new ChangeContext(config, writer, mayRunPreHooks: withPreHooks);
                    summary = apply(context);
                    FaultPoint.Hit(config, "before-commit");
                    writer.Commit();
                    ids = context.EventIds;
                }

                FaultPoint.Hit(config, "after-commit");
                if (ids.Count == 0)
                    EffectFlusher.Flush(config, store);
            }

            if (ids.Count > 0)
            {
                delivery ??= FileLock.TryAcquire(LockFiles.DeliveryPath(config), TimeSpan.FromSeconds(config.HookTimeoutSeconds + 10));
                if (delivery is not null)
                {
                    HookDelivery.RunLocked(config, ignoreBackoff: false);
                }
                else
                {
                    using var store = StoreConnection.Open(config);
                    EffectFlusher.Flush(config, store);
                }
            }

            return new ChangeResult(summary, Outcomes(ids));
        }
        finally
        {
            delivery?.Dispose();
        }
    }

    private List<HookOutcome> Outcomes(List<long> ids)
    {
        if (ids.Count == 0)
            return [];
        using var store = StoreConnection.Open(config);
        return HookOutbox.Queued(store.HookEventsWithIds(ids))
            .Select(e => new HookOutcome(e.Id, e.Phase, e.CommandLine, e.State, e.Attempts, e.LastError))
            .ToList();
    }
}
