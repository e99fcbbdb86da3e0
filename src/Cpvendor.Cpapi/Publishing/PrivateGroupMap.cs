namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Which uids have a private group, and its gid: uid and gid pairs in one array ordered by uid, looked
/// up by binary search, so a map of every account of a large host is read from its cache
/// (<see cref="PrivateGroupCache"/>) as it lies there, with no table built per account.
/// </summary>
internal sealed class PrivateGroupMap
{
    private readonly uint[] pairs;

    private PrivateGroupMap(uint[] pairs) => this.pairs = pairs;

    public int Count => pairs.Length / 2;

    /// <summary>The pairs as uid, gid, uid, gid, ... in uid order.</summary>
    public ReadOnlySpan<uint> Pairs => pairs;

    public static PrivateGroupMap Of(IEnumerable<KeyValuePair<uint, uint>> groups) =>
        new([.. groups.OrderBy(g => g.Key).SelectMany(g => (uint[])[g.Key, g.Value])]);

    /// <summary>The map of <paramref name="pairs"/> as <see cref="Pairs"/> lays them out; null unless uids strictly ascend.</summary>
    public static PrivateGroupMap? FromPairs(uint[] pairs)
    {
        if (pairs.Length % 2 != 0)
            return null;
        for (var at = 2; at < pairs.Length; at += 2)
        {
            if (pairs[at] <= pairs[at - 2])
                return null;
        }

        return new(pairs);
    }

    public bool TryGet(uint uid, out uint gid)
    {
        var (low, high) = (0, Count - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = pairs[middle * 2];
            if (found == uid)
            {
                gid = pairs[(middle * 2) + 1];
                return true;
            }

            if (found < uid)
                low = middle + 1;
            else
                high = middle - 1;
        }

        gid = 0;
        return false;
    }
}
