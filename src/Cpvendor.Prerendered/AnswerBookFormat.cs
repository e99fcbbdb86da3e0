using System.Buffers.Binary;
using System.Text;

namespace Cpvendor.Prerendered;

/// <summary>
/// The byte layout of an answer book (little-endian). A 64-byte header: the magic
/// (<c>CPVBOOK2</c> for the book, <c>CPVDBIN1</c> for root's db_info answer), the file's own length, the <see cref="GenerationStamp"/> of the read-model
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

    /// <summary>The sections of root's db_info answer file: the <see cref="DbInfoSource"/> stamp, then the answer.</summary>
    public const int DbInfoSectionCount = 2;

    public static ReadOnlySpan<byte> Magic => "CPVBOOK2"u8;

    public static ReadOnlySpan<byte> DbInfoMagic => "CPVDBIN1"u8;

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
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], stamp.Device);
        BinaryPrimitives.WriteUInt64LittleEndian(span[24..], stamp.Inode);
        BinaryPrimitives.WriteInt64LittleEndian(span[32..], stamp.Size);
        BinaryPrimitives.WriteInt64LittleEndian(span[40..], stamp.MtimeSeconds);
        BinaryPrimitives.WriteUInt32LittleEndian(span[48..], stamp.MtimeNanoseconds);
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
    public static GenerationStamp StampOf(ReadOnlySpan<byte> header) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(header[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(header[24..]),
        BinaryPrimitives.ReadInt64LittleEndian(header[32..]),
        BinaryPrimitives.ReadInt64LittleEndian(header[40..]),
        BinaryPrimitives.ReadUInt32LittleEndian(header[48..]));
}
