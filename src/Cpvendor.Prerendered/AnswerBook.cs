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
    private bool disposed;

    private AnswerBook(byte* start, long length)
    {
        this.start = start;
        this.length = length;
    }

    /// <summary>
    /// Opens the book at <paramref name="path"/> if it was built from the generation now at
    /// <paramref name="generation"/> and may still be served at <paramref name="now"/> (Unix seconds).
    /// </summary>
    public static AnswerBook? Open(string path, string generation, long now)
    {
        var fd = Native.Open(path);
        if (fd < 0)
            return null;
        void* map = null;
        long size = 0;
        try
        {
            if (Native.Stat(fd) is not { } stat || stat.Size < AnswerBookFormat.HeaderLength + AnswerBookFormat.TableLength)
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

        var book = new AnswerBook((byte*)map, size);
        if (book.Holds(generation, now))
            return book;
        book.Dispose();
        return null;
    }

    private ReadOnlySpan<byte> All => new(start, (int)Math.Min(length, int.MaxValue));

    private bool Holds(string generation, long now)
    {
        var all = All;
        if (length > int.MaxValue || !all.StartsWith(AnswerBookFormat.Magic)
            || BinaryPrimitives.ReadInt64LittleEndian(all[8..]) != length
            || BinaryPrimitives.ReadInt32LittleEndian(all[52..]) != AnswerBookFormat.SectionCount
            || BinaryPrimitives.ReadInt64LittleEndian(all[56..]) < now)
        {
            return false;
        }

        // Opened, not only looked at: a generation the caller may not read answers nothing through its book either.
        if (GenerationStamp.OfReadable(generation) is not { } current || current != AnswerBookFormat.StampOf(all))
            return false;
        for (var i = 0; i < AnswerBookFormat.SectionCount; i++)
        {
            var offset = BinaryPrimitives.ReadInt64LittleEndian(all[(AnswerBookFormat.HeaderLength + (i * 16))..]);
            var size = BinaryPrimitives.ReadInt64LittleEndian(all[(AnswerBookFormat.HeaderLength + (i * 16) + 8)..]);
            if (offset < AnswerBookFormat.HeaderLength + AnswerBookFormat.TableLength || size < 0 || offset + size > length)
                return false;
        }

        return true;
    }

    /// <summary>The bytes of one section.</summary>
    public ReadOnlySpan<byte> Section(BookSection section)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var all = All;
        var entry = AnswerBookFormat.HeaderLength + ((int)section * 16);
        var offset = (int)BinaryPrimitives.ReadInt64LittleEndian(all[entry..]);
        var size = (int)BinaryPrimitives.ReadInt64LittleEndian(all[(entry + 8)..]);
        return all.Slice(offset, size);
    }

    public int UserCount => Section(BookSection.UserRecords).Length / (AnswerBookFormat.RecordFields * 8);

    /// <summary>
    /// Part <paramref name="part"/> of user record <paramref name="record"/> inside the users answer: 0
    /// the whole object, 1 to 7 one member each; false when the book's ranges do not fit.
    /// </summary>
    public bool TryUserPart(int record, int part, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var records = Section(BookSection.UserRecords);
        var at = ((record * AnswerBookFormat.RecordFields) + part) * 8;
        if (record < 0 || part is < 0 or >= AnswerBookFormat.RecordFields || at + 8 > records.Length)
            return false;
        return TrySlice(Section(BookSection.Users), records[at..], out bytes);
    }

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

    /// <summary>The record of the user named <paramref name="name"/> (UTF-8), or -1.</summary>
    public int RecordOfUsername(ReadOnlySpan<byte> name)
    {
        var at = Find(Section(BookSection.UsernameIndex), AnswerBookFormat.NameEntry, name);
        return at < 0 ? -1 : (int)BinaryPrimitives.ReadUInt32LittleEndian(Section(BookSection.UsernameIndex)[(at + 8)..]);
    }

    /// <summary>The member <c>"name":{...}</c> of the domain named <paramref name="name"/> in the domains answer.</summary>
    public bool TryDomainMember(ReadOnlySpan<byte> name, out ReadOnlySpan<byte> member)
    {
        member = default;
        var index = Section(BookSection.DomainIndex);
        var at = Find(index, AnswerBookFormat.DomainEntry, name);
        if (at < 0)
            return false;
        return TrySlice(Section(BookSection.Domains), index[(at + 8)..], out member);
    }

    /// <summary>Binary search of a name index whose entries start with (name offset, name length); the entry's byte offset or -1.</summary>
    private int Find(ReadOnlySpan<byte> index, int entry, ReadOnlySpan<byte> name)
    {
        var names = Section(BookSection.Names);
        int low = 0, high = index.Length / entry;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (!TrySlice(names, index[(middle * entry)..], out var candidate))
                return -1;
            var order = candidate.SequenceCompareTo(name);
            if (order == 0)
                return middle * entry;
            if (order < 0)
                low = middle + 1;
            else
                high = middle;
        }

        return -1;
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
