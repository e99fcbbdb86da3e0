using Cpvendor.Panel.Changes;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    private ChangeContext? batch;

    /// <summary>
    /// Runs <paramref name="body"/> with every change it makes through this service in one store
    /// transaction (docs/lifecycle.md, "Batches"): each operation validates against what the earlier
    /// ones wrote, and an exception anywhere rolls back all of them. The batch then commits once,
    /// publishes the read model and the affected answers once, and delivers the hooks of every
    /// operation in order. The summary is what <paramref name="body"/> returns.
    /// Pre hooks run at their operation, as they do alone, before the batch commits.
    /// </summary>
    public ChangeResult Batch(Func<PanelService, string> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (batch is not null)
            throw new InvalidOperationException("a batch is already running on this service");
        return Change(
            c =>
            {
                batch = c;
                try
                {
                    return body(this);
                }
                finally
                {
                    batch = null;
                }
            },
            withPreHooks: true);
    }

    /// <summary>Inside a batch, an operation applies to the batch's transaction; its hooks are reported by the batch.</summary>
    private ChangeResult? InBatch(Func<ChangeContext, string> apply) =>
        batch is { } context ? new ChangeResult(apply(context), []) : null;
}
