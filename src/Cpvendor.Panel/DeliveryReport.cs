namespace Cpvendor.Panel;

/// <summary>What one delivery pass did.</summary>
public sealed record DeliveryReport(int Delivered, int Skipped, int Failed, int Waiting, bool LockBusy)
{
    /// <summary>Events still pending after the pass (failed now, or waiting behind one that failed).</summary>
    public int StillPending => Failed + Waiting;
}
