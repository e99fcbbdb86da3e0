namespace Cpvendor.Store.ReadModel;

/// <summary>
/// What turns a generation of one store state into a later one, from the <see cref="PageLog"/>: the
/// pages the commits in between wrote, and the offset from which everything is copied when one of
/// them truncated the store. Made only when the log proves it whole: a published mark for the
/// spare's own state (a generation this binary finished, never one a crash left half patched) and at
/// least one record for every counter after it up to the store's. A page more than needed is harmless;
/// a page fewer never happens, because then there is no plan and the publisher compares every page.
/// </summary>
internal sealed record PagePatch(uint[] Pages, int PageSize, long CopyFrom)
{
    /// <summary>The patch from state <paramref name="spare"/> to state <paramref name="store"/> of a store of <paramref name="pageSize"/>-byte pages; null when the log cannot prove it.</summary>
    public static PagePatch? Plan(IReadOnlyList<PageLog.Entry>? entries, uint spare, uint store, int pageSize)
    {
        var steps = unchecked(store - spare);
        if (entries is null || steps == 0 || steps > entries.Count || pageSize <= 0)
            return null;
        var seen = new bool[steps];
        var published = false;
        var pages = new HashSet<uint>();
        var copyFrom = long.MaxValue;
        foreach (var entry in entries)
        {
            if (entry.IsPublished)
            {
                published |= entry.Counter == spare;
                continue;
            }

            var step = unchecked(entry.Counter - spare);
            if (step == 0 || step > steps)
                continue;
            if (entry.Pages.Length > 0 && entry.PageSize != pageSize)
                return null;
            seen[step - 1] = true;
            pages.UnionWith(entry.Pages);
            if (entry.TruncatedFrom != uint.MaxValue)
                copyFrom = Math.Min(copyFrom, (long)entry.TruncatedFrom * PageLog.Block);
        }

        if (!published || Array.IndexOf(seen, false) >= 0)
            return null;
        var sorted = pages.ToArray();
        Array.Sort(sorted);
        return new PagePatch(sorted, pageSize, copyFrom);
    }
}
