using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// An open answer book (<see cref="AnswerBookFormat"/>), mapped read-only: a call touches only the
/// pages of what it prints. <see cref="Open"/> returns null for any doubt (missing, unreadable,
/// damaged, built from another generation than the current one, past its maximum age), and every
/// offset read from the book is checked against its section, so a damaged book is refused, never followed.
/// </summary>
public sealed unsafe class AnswerBook : IDisposable
{
    private readonly byte* start;
    private readonly long length;
    private readonly int sectionCount;
    private bool disposed;

    private AnswerBook(byte* start, long length, int sectionCount)
    {
        this.start = start;
        this.length = length;
        this.sectionCount = sectionCount;
    }

    /// <summary>
    /// Opens the book at <paramref name="path"/> if it was built from the generation now at
    /// <paramref name="generation"/> and may still be served at <paramref name="now"/> (Unix seconds).
    /// </summary>
    public static AnswerBook? Open(string path, string generation, long now) =>
        Open(path, AnswerBookFormat.Magic, AnswerBookFormat.SectionCount, Current(generation), now);

    /// <summary>
    /// Opens the book patch at <paramref name="path"/> under the same rules as the book: built for
    /// the generation now at <paramref name="generation"/>; the caller checks its base.
    /// </summary>
    public static AnswerBook? OpenPatch(string path, string generation, long now) =>
        Open(path, AnswerBookFormat.PatchMagic, AnswerBookFormat.PatchSectionCount, Current(generation), now);

    /// <summary>
    /// Opens the book at <paramref name="path"/> if it is whole and stamped <paramref name="stamp"/>,
    /// whatever the current generation and its age: the base a patch names, or the book a publisher
    /// patches; null when <paramref name="stamp"/> is null and the book is not whole.
    /// </summary>
    public static AnswerBook? OpenBase(string path, GenerationStamp? stamp) =>
        Open(path, AnswerBookFormat.Magic, AnswerBookFormat.SectionCount, () => stamp, long.MinValue, anyStamp: stamp is null);

    /// <summary>
    /// Opens root's db_info answer file (<see cref="AnswerBookFormat.DbInfoMagic"/>) whole, of any
    /// generation; the caller decides whether it answers for the current one
    /// (<see cref="DbInfoCurrent"/>) and checks its <see cref="DbInfoSource"/> section.
    /// </summary>
    public static AnswerBook? OpenDbInfo(string path) =>
        Open(path, AnswerBookFormat.DbInfoMagic, AnswerBookFormat.DbInfoSectionCount, () => null, long.MinValue, anyStamp: true);

    /// <summary>Opens the db_info answer's patch (<see cref="AnswerBookFormat.DbInfoPatchMagic"/>) as <see cref="OpenDbInfo"/> opens the answer.</summary>
    public static AnswerBook? OpenDbInfoPatch(string path) =>
        Open(path, AnswerBookFormat.DbInfoPatchMagic, AnswerBookFormat.DbInfoPatchSectionCount, () => null, long.MinValue, anyStamp: true);

    /// <summary>The stamp this file's header carries.</summary>
    public GenerationStamp Stamp => AnswerBookFormat.StampOf(All);

    /// <summary>The last second (Unix time) the answers may be served.</summary>
    public long ServableUntil => BinaryPrimitives.ReadInt64LittleEndian(All[56..]);

    /// <summary>
    /// Whether a db_info answer file, or its patch, stamped <paramref name="stamp"/> at log position
    /// <paramref name="position"/> (its <see cref="DbInfoSection.Log"/> section) holds what the generation now at
    /// <paramref name="generation"/> would answer: it was rendered from that generation, or a patch
    /// for it says no database user changed between a position at or before the file's and the
    /// generation (docs/cpapi.md, "the book patch"), and it may be served at <paramref name="now"/>.
    /// </summary>
    public static bool DbInfoCurrent(AnswerBook dbInfo, AnswerBook? patch, string generation, long now)
    {
        ArgumentNullException.ThrowIfNull(dbInfo);
        if (GenerationStamp.OfReadable(generation) is not { } current)
            return false;
        if (dbInfo.Stamp == current)
            return dbInfo.ServableUntil >= now;
        if (patch is null || patch.Stamp != current)
            return false;
        var position = AnswerBookFormat.PositionOf(dbInfo.Section((int)DbInfoSection.Log));
        var patchLog = patch.Section(BookSection.Log);
        var baseSection = patch.Section(AnswerBookFormat.Of(PatchSection.Base));
        if (position < 0 || baseSection.Length < AnswerBookFormat.StampLength + 16 || !SameEpoch(dbInfo.Section((int)DbInfoSection.Log), patchLog))
            return false;
        var basePosition = BinaryPrimitives.ReadInt64LittleEndian(baseSection[AnswerBookFormat.StampLength..]);
        var lastDbChange = BinaryPrimitives.ReadInt64LittleEndian(baseSection[(AnswerBookFormat.StampLength + 8)..]);
        return position >= basePosition && position >= lastDbChange && position <= AnswerBookFormat.PositionOf(patchLog);
    }

    private static bool SameEpoch(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.Length > 8 && a[8..].SequenceEqual(b.Length > 8 ? b[8..] : []);

    // Opened, not only looked at: a generation the caller may not read answers nothing through its book either.
    private static Func<GenerationStamp?> Current(string generation) => () => GenerationStamp.OfReadable(generation);

    private static AnswerBook? Open(string path, ReadOnlySpan<byte> magic, int sections, Func<GenerationStamp?> stamp, long now, bool anyStamp = false)
    {
        var fd = Native.Open(path);
        if (fd < 0)
            return null;
        void* map = null;
        long size = 0;
        try
        {
            if (Native.Stat(fd) is not { } stat || stat.Size < AnswerBookFormat.HeaderLength + (sections * 16))
                return null;
            size = stat.Size;
            map = Native.Mmap(null, (nint)size, Native.MapReadOnly, Native.MapFlags, fd, 0);
            if (map == (void*)-1)
            {
                map = null;
                return null;
            }
        }
        finally
        {
            Native.Close(fd);
        }

        var book = new AnswerBook((byte*)map, size, sections);
        if (book.Holds(magic, now) && (anyStamp || (stamp() is { } expected && expected == book.Stamp)))
            return book;
        book.Dispose();
        return null;
    }

    private ReadOnlySpan<byte> All => new(start, (int)Math.Min(length, int.MaxValue));

    private bool Holds(ReadOnlySpan<byte> magic, long now)
    {
        var all = All;
        if (length > int.MaxValue || !all.StartsWith(magic)
            || BinaryPrimitives.ReadInt64LittleEndian(all[8..]) != length
            || BinaryPrimitives.ReadInt32LittleEndian(all[52..]) != sectionCount
            || BinaryPrimitives.ReadInt64LittleEndian(all[56..]) < now)
        {
            return false;
        }

        for (var i = 0; i < sectionCount; i++)
        {
            var offset = BinaryPrimitives.ReadInt64LittleEndian(all[(AnswerBookFormat.HeaderLength + (i * 16))..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(all[(AnswerBookFormat.HeaderLength + (i * 16) + 8)..]);
            if (offset < AnswerBookFormat.HeaderLength + (sectionCount * 16) || size < 0 || offset + size > length)
                return false;
        }

        return true;
    }

    /// <summary>The bytes of one section.</summary>
    public ReadOnlySpan<byte> Section(BookSection section) => Section((int)section);

    /// <summary>The bytes of section <paramref name="section"/> of whatever this file holds.</summary>
    public ReadOnlySpan<byte> Section(int section)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (section < 0 || section >= sectionCount)
            throw new ArgumentOutOfRangeException(nameof(section));
        var all = All;
        var entry = AnswerBookFormat.HeaderLength + (section * 16);
        var offset = (int)BinaryPrimitives.ReadInt64LittleEndian(all[entry..]);
        var size = (int)BinaryPrimitives.ReadInt64LittleEndian(all[(entry + 8)..]);
        return all.Slice(offset, size);
    }

    /// <summary>How many elements the element section <paramref name="elements"/> of <paramref name="parts"/> ranges each describes.</summary>
    public int Count(BookSection elements, int parts) => Section(elements).Length / (parts * 8);

    public int UserCount => Count(BookSection.UserRecords, AnswerBookFormat.RecordFields);

    /// <summary>
    /// Range <paramref name="part"/> of element <paramref name="element"/> of <paramref name="elements"/>
    /// (<paramref name="parts"/> ranges per element) inside <paramref name="answer"/>; false when the
    /// book's ranges do not fit.
    /// </summary>
    public bool TryPart(BookSection answer, BookSection elements, int parts, int element, int part, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var ranges = Section(elements);
        var at = (((long)element * parts) + part) * 8;
        if (element < 0 || part < 0 || part >= parts || at + 8 > ranges.Length)
            return false;
        return TrySlice(Section(answer), ranges[(int)at..], out bytes);
    }

    /// <summary>
    /// Part <paramref name="part"/> of user record <paramref name="record"/> inside the users answer: 0
    /// the whole object, 1 to 7 one member each; false when the book's ranges do not fit.
    /// </summary>
    public bool TryUserPart(int record, int part, out ReadOnlySpan<byte> bytes) =>
        TryPart(BookSection.Users, BookSection.UserRecords, AnswerBookFormat.RecordFields, record, part, out bytes);

    /// <summary>The records listed under <paramref name="uid"/>, in the answer's order.</summary>
    public IReadOnlyList<int> RecordsOfUid(uint uid)
    {
        var index = Section(BookSection.UidIndex);
        var count = index.Length / AnswerBookFormat.UidEntry;
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (BinaryPrimitives.ReadUInt32LittleEndian(index[(middle * AnswerBookFormat.UidEntry)..]) < uid)
                low = middle + 1;
            else
                high = middle;
        }

        var found = new List<int>();
        for (var i = low; i < count && BinaryPrimitives.ReadUInt32LittleEndian(index[(i * AnswerBookFormat.UidEntry)..]) == uid; i++)
            found.Add((int)BinaryPrimitives.ReadUInt32LittleEndian(index[((i * AnswerBookFormat.UidEntry) + 4)..]));
        return found;
    }

    /// <summary>
    /// The elements the key index <paramref name="index"/> lists under <paramref name="key"/>, in the
    /// answer's order; null when the index points outside the keys.
    /// </summary>
    public IReadOnlyList<int>? Lookup(BookSection index, ReadOnlySpan<byte> key)
    {
        var entries = Section(index);
        var keys = Section(BookSection.Keys);
        var count = entries.Length / AnswerBookFormat.KeyEntry;
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (!TrySlice(keys, entries[(middle * AnswerBookFormat.KeyEntry)..], out var candidate))
                return null;
            if (candidate.SequenceCompareTo(key) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        var found = new List<int>();
        for (var i = low; i < count; i++)
        {
            var entry = entries[(i * AnswerBookFormat.KeyEntry)..];
            if (!TrySlice(keys, entry, out var candidate))
                return null;
            if (!candidate.SequenceEqual(key))
                break;
            found.Add((int)BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]));
        }

        return found;
    }

    /// <summary>
    /// How many entries of the key index <paramref name="index"/> sort before <paramref name="key"/>:
    /// for a list ordered by that key with one element per key, the place <paramref name="key"/>
    /// takes in it. -1 when the index points outside the keys.
    /// </summary>
    public int LowerBound(BookSection index, ReadOnlySpan<byte> key)
    {
        var entries = Section(index);
        var keys = Section(BookSection.Keys);
        int low = 0, high = entries.Length / AnswerBookFormat.KeyEntry;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (!TrySlice(keys, entries[(middle * AnswerBookFormat.KeyEntry)..], out var candidate))
                return -1;
            if (candidate.SequenceCompareTo(key) < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return low;
    }

    /// <summary>
    /// The bytes of <paramref name="answer"/> from the start of element <paramref name="first"/>'s
    /// whole range (part 0) to the end of element <paramref name="last"/>'s: consecutive elements and
    /// the commas between them, as the live path printed them; false when the ranges do not fit.
    /// </summary>
    public bool TryRun(BookSection answer, BookSection elements, int parts, int first, int last, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var ranges = Section(elements);
        long from = (long)first * parts * 8, to = (long)last * parts * 8;
        if (first < 0 || last < first || to + 8 > ranges.Length)
            return false;
        var start = BinaryPrimitives.ReadUInt32LittleEndian(ranges[(int)from..]);
        var end = (ulong)BinaryPrimitives.ReadUInt32LittleEndian(ranges[(int)to..]) + BinaryPrimitives.ReadUInt32LittleEndian(ranges[((int)to + 4)..]);
        var section = Section(answer);
        if (end > (ulong)section.Length || start > end)
            return false;
        bytes = section[(int)start..(int)end];
        return true;
    }

    /// <summary>Entry <paramref name="i"/> of a section of u32 entries.</summary>
    public static uint U32(ReadOnlySpan<byte> section, int i) => BinaryPrimitives.ReadUInt32LittleEndian(section[(i * 4)..]);

    private static bool TrySlice(ReadOnlySpan<byte> section, ReadOnlySpan<byte> pair, out ReadOnlySpan<byte> bytes)
    {
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(pair);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(pair[4..]);
        if ((ulong)offset + size > (ulong)section.Length)
        {
            bytes = default;
            return false;
        }

        bytes = section.Slice((int)offset, (int)size);
        return true;
    }

    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        _ = Native.Munmap(start, (nint)length);
    }
}
