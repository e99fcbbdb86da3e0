using System.Buffers.Binary;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The members table of a db_info answer file (<see cref="Prerendered.DbInfoSection.Members"/>,
/// without its two-offset head), read where a patch needs it: only the entries a lookup touches are
/// read, and each is checked against the mapping's bounds in the answer as it is read, so the table's
/// cost follows the owners changed, not the panel.
/// </summary>
internal readonly ref struct MemberTable(ReadOnlySpan<byte> entries, uint inner, uint close)
{
    private readonly ReadOnlySpan<byte> entries = entries;

    public int Count => entries.Length / 8;

    /// <summary>How many members sort before <paramref name="key"/> (byte order); null when an entry looked at does not fit.</summary>
    public int? LowerBound(ReadOnlySpan<byte> answer, ReadOnlySpan<byte> key)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (!TryKeyAt(answer, middle, out var candidate))
                return null;
            if (candidate.SequenceCompareTo(key) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    /// <summary>The key of member <paramref name="i"/> (its bytes between the quotes); false when the entry does not fit.</summary>
    public bool TryKeyAt(ReadOnlySpan<byte> answer, int i, out ReadOnlySpan<byte> key)
    {
        key = default;
        if (Entry(i) is not { } member || answer[(int)member.Start] != '"')
            return false;
        var rest = answer[((int)member.Start + 1)..(int)member.End];
        var quote = rest.IndexOf((byte)'"');
        if (quote < 0)
            return false;
        key = rest[..quote];
        return true;
    }

    /// <summary>The bytes from member <paramref name="first"/>'s start to member <paramref name="last"/>'s end (commas between included); null when they do not fit.</summary>
    public (int Start, int Length)? Run(int first, int last)
    {
        if (Entry(first) is not { } from || Entry(last) is not { } to || to.End < from.Start)
            return null;
        return ((int)from.Start, (int)(to.End - from.Start));
    }

    private (uint Start, uint End)? Entry(int i)
    {
        if (i < 0 || i >= Count)
            return null;
        var start = BinaryPrimitives.ReadUInt32LittleEndian(entries[(i * 8)..]);
        var end = BinaryPrimitives.ReadUInt32LittleEndian(entries[((i * 8) + 4)..]);
        return start >= inner && start < end && end <= close ? (start, end) : null;
    }
}
