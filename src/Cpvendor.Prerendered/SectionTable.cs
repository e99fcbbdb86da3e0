using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// The table that ends the files of pre-rendered answers (<see cref="StampedAnswers"/>,
/// <see cref="AccountFile"/>): the number of sections (32-bit, then 4 bytes of zeros), each
/// section's length (64-bit), then the sections one after the other; little-endian throughout.
/// Every length read back is checked against the bytes that hold it.
/// </summary>
internal static class SectionTable
{
    /// <summary>How many bytes the table of <paramref name="sections"/> takes.</summary>
    public static int Length(IReadOnlyList<byte[]> sections)
    {
        var length = 8 + (sections.Count * 8);
        foreach (var section in sections)
            length += section.Length;
        return length;
    }

    /// <summary>Writes the table of <paramref name="sections"/> at the start of <paramref name="span"/>.</summary>
    public static void Write(Span<byte> span, IReadOnlyList<byte[]> sections)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, sections.Count);
        var at = 8 + (sections.Count * 8);
        for (var i = 0; i < sections.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(8 + (i * 8))..], sections[i].Length);
            sections[i].CopyTo(span[at..]);
            at += sections[i].Length;
        }
    }

    /// <summary>Section <paramref name="index"/> of the table at <paramref name="at"/> in <paramref name="bytes"/>; null when the table does not fit.</summary>
    public static ReadOnlyMemory<byte>? Find(byte[] bytes, int at, int index)
    {
        var span = bytes.AsSpan();
        if (index < 0 || at < 0 || span.Length - at < 8)
            return null;
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        long body = at + 8 + (count * 8L);
        if (count < 0 || index >= count || body > span.Length)
            return null;
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt64LittleEndian(span[(at + 8 + (i * 8))..]);
            if (length < 0 || body + length > span.Length)
                return null;
            if (i == index)
                return bytes.AsMemory((int)body, (int)length);
            body += length;
        }

        return null;
    }
}
