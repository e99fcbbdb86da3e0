namespace Cpvendor.Store.ReadModel;

/// <summary>
/// What one open of the store through <see cref="PageLogVfs"/> wrote while it held the write lock:
/// the pages, the first 512-byte block a truncation removed, and the file change counter the file had before
/// the first write. When the lock is released the counter is read again: one more than before, with
/// no journal left, means this hold committed exactly one transaction, and its record goes to the
/// <see cref="PageLog"/>. Anything else writes nothing (a rollback restores the content the counter
/// already names; an unknown case leaves a gap in the log, which the publisher meets with a full compare).
/// </summary>
internal sealed class PageTracker(string database)
{
    private readonly HashSet<uint> pages = [];
    private bool active;
    private bool spoiled;
    private uint? before;
    private int pageSize;
    private uint truncatedFrom = uint.MaxValue;

    /// <summary>Whether the hold has written nothing yet: the caller reads the counter and calls <see cref="Begin"/> before the write.</summary>
    public bool Idle => !active;

    public void Begin(uint? counter)
    {
        active = true;
        before = counter;
    }

    public void Wrote(long offset, int amount)
    {
        if (amount <= 0 || (pageSize != 0 && amount != pageSize) || offset % amount != 0 || offset / amount > uint.MaxValue - 1)
        {
            spoiled = true;
            return;
        }

        pageSize = amount;
        pages.Add((uint)(offset / amount));
    }

    public void Truncated(long size)
    {
        // Counted in 512-byte blocks from the new end on: a later growth without a write must never
        // leave old bytes in the spare, so the publisher copies everything from there.
        truncatedFrom = (uint)Math.Min(Math.Min(truncatedFrom, (ulong)Math.Max(size, 0) / PageLog.Block), uint.MaxValue - 1);
    }

    /// <summary>Ends the hold with the counter the file now has; appends the record when the hold was one whole commit.</summary>
    public void End(uint? after)
    {
        try
        {
            if (!spoiled && before is { } was && after is { } now && now == unchecked(was + 1) && (pages.Count > 0 || truncatedFrom != uint.MaxValue)
                && !File.Exists(database + "-journal"))
                PageLog.Append(database, new PageLog.Entry(now, (uint)pageSize, truncatedFrom, [.. pages]));
        }
        finally
        {
            pages.Clear();
            active = false;
            spoiled = false;
            before = null;
            pageSize = 0;
            truncatedFrom = uint.MaxValue;
        }
    }

    public void Spoil() => spoiled = true;
}
