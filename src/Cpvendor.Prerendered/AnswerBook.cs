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
        Open(path, AnswerBookFormat.Magic, AnswerBookFormat.SectionCount, generation, now);

    /// <summary>
    /// Opens root's db_info answer file (<see cref="AnswerBookFormat.DbInfoMagic"/>) under the same
    /// rules as the book; the caller checks its <see cref="DbInfoSource"/> section.
    /// </summary>
    public static AnswerBook? OpenDbInfo(string path, string generation, long now) =>
        Open(path, AnswerBookFormat.DbInfoMagic, AnswerBookFormat.DbInfoSectionCount, generation, now);

    private static AnswerBook? Open(string path, ReadOnlySpan<byte> magic, int sections, string generation, long now)
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
        if (book.Holds(magic, generation, now))
            return book;
        book.Dispose();
        return null;
    }

    private ReadOnlySpan<byte> All => new(start, (int)Math.Min(length, int.MaxValue));

    private bool Holds(ReadOnlySpan<byte> magic, string generation, long now)
    {
        var all = All;
        if (length > int.MaxValue || !all.StartsWith(magic)
            || BinaryPrimitives.ReadInt64LittleEndian(all[8..]) != length
            || BinaryPrimitives.ReadInt32LittleEndian(all[52..]) != sectionCount
            || BinaryPrimitives.ReadInt64LittleEndian(all[56..]) < now)
        {
            return false;
        }

        // Opened, not only looked at: a generation the caller may not read answers nothing through its book either.
        if (GenerationStamp.OfReadable(generation) is not { } current || current != AnswerBookFormat.StampOf(all))
            return false;
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
