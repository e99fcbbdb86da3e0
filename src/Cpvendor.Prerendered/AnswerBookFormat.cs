using System.Buffers.Binary;
using System.Text;

namespace Cpvendor.Prerendered;

/// <summary>
/// The byte layout of an answer book (little-endian). A 64-byte header: the magic
/// (<c>CPVBOOK3</c> for the book, <c>CPVPTCH1</c> for its patch, <c>CPVDBIN3</c> for root's db_info answer, <c>CPVDBPT1</c> for its patch), the file's own length, the <see cref="GenerationStamp"/> of the read-model
/// generation the answers were rendered from, the section count and the last second (Unix time) the
/// answers may be served (a database source's maximum age; <see cref="long.MaxValue"/> for none).
/// Then one (offset, length) pair of u64 per <see cref="BookSection"/>, then the sections. The book is
/// written whole to a hidden file, flushed and renamed into place, so a reader sees a complete book or
/// none; a reader also refuses any book whose length, magic or section table does not hold together.
/// </summary>
public static class AnswerBookFormat
{
    public const int HeaderLength = 64;
    public const int RecordFields = 8;
    public const int DomainParts = 2;
    public const int UidEntry = 8;

    /// <summary>An entry of a key index: (key offset, key length) into <see cref="BookSection.Keys"/>, then the element, all u32; sorted by the key's bytes, then by element.</summary>
    public const int KeyEntry = 12;

    public static readonly int SectionCount = Enum.GetValues<BookSection>().Length;

    /// <summary>The sections of root's db_info answer file, <see cref="DbInfoSection"/>.</summary>
    public static readonly int DbInfoSectionCount = Enum.GetValues<DbInfoSection>().Length;

    /// <summary>The sections of the db_info answer's patch, <see cref="DbInfoPatchSection"/>.</summary>
    public static readonly int DbInfoPatchSectionCount = Enum.GetValues<DbInfoPatchSection>().Length;

    /// <summary>A segment of a db_info patch: what it copies (u32, <see cref="DbInfoPatchSection.Segments"/>), then offset and length (u32 each).</summary>
    public const int SegmentEntry = 12;

    /// <summary>The identity of a db_info answer file (<see cref="DbInfoSection.Id"/>): random bytes drawn at each whole render.</summary>
    public const int DbInfoIdLength = 16;

    /// <summary>A patch holds every <see cref="BookSection"/>, then the <see cref="PatchSection"/> ones.</summary>
    public static readonly int PatchSectionCount = SectionCount + Enum.GetValues<PatchSection>().Length;

    /// <summary>A <see cref="GenerationStamp"/> as the header and a patch's base section hold it.</summary>
    public const int StampLength = 36;

    public static ReadOnlySpan<byte> Magic => "CPVBOOK3"u8;

    public static ReadOnlySpan<byte> PatchMagic => "CPVPTCH1"u8;

    public static ReadOnlySpan<byte> DbInfoMagic => "CPVDBIN3"u8;

    public static ReadOnlySpan<byte> DbInfoPatchMagic => "CPVDBPT1"u8;

    /// <summary>The section number of <paramref name="section"/> in a patch.</summary>
    public static int Of(PatchSection section) => SectionCount + (int)section;

    /// <summary>The bytes of <see cref="BookSection.Log"/>: the position, then the epoch.</summary>
    public static byte[] LogBytes(string epoch, long position)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        var bytes = new byte[8 + Encoding.UTF8.GetByteCount(epoch)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, position);
        Encoding.UTF8.GetBytes(epoch, bytes.AsSpan(8));
        return bytes;
    }

    /// <summary>The position a <see cref="BookSection.Log"/> section holds, or -1 when it is not one.</summary>
    public static long PositionOf(ReadOnlySpan<byte> log) => log.Length < 8 ? -1 : BinaryPrimitives.ReadInt64LittleEndian(log);

    /// <summary>Writes <paramref name="stamp"/> in <see cref="StampLength"/> bytes.</summary>
    public static void WriteStamp(Span<byte> span, GenerationStamp stamp)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(span, stamp.Device);
        BinaryPrimitives.WriteUInt64LittleEndian(span[8..], stamp.Inode);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], stamp.Size);
        BinaryPrimitives.WriteInt64LittleEndian(span[24..], stamp.MtimeSeconds);
        BinaryPrimitives.WriteUInt32LittleEndian(span[32..], stamp.MtimeNanoseconds);
    }

    /// <summary>The stamp <see cref="WriteStamp"/> wrote at the start of <paramref name="span"/>.</summary>
    public static GenerationStamp ReadStamp(ReadOnlySpan<byte> span) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(span),
        BinaryPrimitives.ReadUInt64LittleEndian(span[8..]),
        BinaryPrimitives.ReadInt64LittleEndian(span[16..]),
        BinaryPrimitives.ReadInt64LittleEndian(span[24..]),
        BinaryPrimitives.ReadUInt32LittleEndian(span[32..]));

    /// <summary>The envelope around a list answer, before and after its elements.</summary>
    public static ReadOnlySpan<byte> ListPrefix => "{\"data\":["u8;

    public static ReadOnlySpan<byte> ListSuffix => "],\"metadata\":{\"result\":\"ok\"}}\n"u8;

    /// <summary>The envelope around an object answer (domains), before and after its members.</summary>
    public static ReadOnlySpan<byte> ObjectPrefix => "{\"data\":{"u8;

    public static ReadOnlySpan<byte> ObjectSuffix => "},\"metadata\":{\"result\":\"ok\"}}\n"u8;

    public static int TableLength => SectionCount * 16;

    /// <summary>The key of a package in <see cref="BookSection.UserPackageIndex"/>: the owner's UTF-8 length (u32), the owner, then the name.</summary>
    public static byte[] PackageKey(string owner, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(name);
        var ownerLength = Encoding.UTF8.GetByteCount(owner);
        var key = new byte[4 + ownerLength + Encoding.UTF8.GetByteCount(name)];
        BinaryPrimitives.WriteInt32LittleEndian(key, ownerLength);
        Encoding.UTF8.GetBytes(owner, key.AsSpan(4));
        Encoding.UTF8.GetBytes(name, key.AsSpan(4 + ownerLength));
        return key;
    }

    /// <summary>The key of an administrator in <see cref="BookSection.AdminIsMainIndex"/>.</summary>
    public static ReadOnlySpan<byte> BooleanKey(bool value) => value ? "true"u8 : "false"u8;

    /// <summary>Lays out a book from its sections, indexed by <see cref="BookSection"/>.</summary>
    public static byte[] Build(GenerationStamp stamp, long servableUntil, IReadOnlyList<byte[]> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (sections.Count != SectionCount)
            throw new ArgumentException($"a book has {SectionCount} sections", nameof(sections));
        return Build(Magic, stamp, servableUntil, sections);
    }

    /// <summary>Lays out any file of this layout: <paramref name="magic"/> and as many sections as given.</summary>
    public static byte[] Build(ReadOnlySpan<byte> magic, GenerationStamp stamp, long servableUntil, IReadOnlyList<byte[]> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        long length = HeaderLength + (sections.Count * 16);
        foreach (var section in sections)
            length += section.Length;
        var book = new byte[length];
        var span = book.AsSpan();
        magic.CopyTo(span);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], length);
        WriteStamp(span[16..], stamp);
        BinaryPrimitives.WriteInt32LittleEndian(span[52..], sections.Count);
        BinaryPrimitives.WriteInt64LittleEndian(span[56..], servableUntil);
        long offset = HeaderLength + (sections.Count * 16);
        for (var i = 0; i < sections.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(HeaderLength + (i * 16))..], offset);
            BinaryPrimitives.WriteInt64LittleEndian(span[(HeaderLength + (i * 16) + 8)..], sections[i].Length);
            sections[i].CopyTo(span[(int)offset..]);
            offset += sections[i].Length;
        }

        return book;
    }

    /// <summary>The stamp a book's header carries.</summary>
    public static GenerationStamp StampOf(ReadOnlySpan<byte> header) => ReadStamp(header[16..]);
}
