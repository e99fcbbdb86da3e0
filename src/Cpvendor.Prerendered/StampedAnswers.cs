using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// Pre-rendered answers tied to the file they were rendered from (the public panel_info file): the
/// magic <c>CPVANSW1</c>, the source's length and <see cref="Fnv"/> hash, then a
/// <see cref="SectionTable"/> of the answers. A reader serves them only while the source still has
/// exactly those bytes, so a crash between writing the two files, or a source rewritten since,
/// sends the call to the full path instead of answering old data. (An account's answers need no
/// stamp: they share one file with the data they were rendered from, <see cref="AccountFile"/>.)
/// </summary>
public static class StampedAnswers
{
    /// <summary>A file of answers larger than this is not read: the call takes the full path.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The most a source may hold: answers stamped with a larger one are not served.</summary>
    public const int MaxSourceBytes = 16 * 1024 * 1024;

    /// <summary>Where the <see cref="SectionTable"/> of answers starts: after the magic and the stamp.</summary>
    private const int TableAt = 24;

    private static ReadOnlySpan<byte> Magic => "CPVANSW1"u8;

    /// <summary>Lays out <paramref name="answers"/> stamped with <paramref name="source"/>.</summary>
    public static byte[] Build(ReadOnlySpan<byte> source, IReadOnlyList<byte[]> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var bytes = new byte[TableAt + SectionTable.Length(answers)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], source.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], Fnv.Hash(source));
        SectionTable.Write(span[TableAt..], answers);
        return bytes;
    }

    /// <summary>Answer <paramref name="index"/> of the file at <paramref name="path"/> if it was rendered from the current bytes of <paramref name="sourcePath"/>.</summary>
    public static ReadOnlyMemory<byte>? TryRead(string path, string sourcePath, int index)
    {
        if (Native.ReadAll(path, MaxBytes) is not { } bytes || Native.ReadAll(sourcePath, MaxSourceBytes) is not { } source)
            return null;
        var span = bytes.AsSpan();
        if (span.Length < TableAt || !span.StartsWith(Magic)
            || BinaryPrimitives.ReadInt64LittleEndian(span[8..]) != source.Length
            || BinaryPrimitives.ReadUInt64LittleEndian(span[16..]) != Fnv.Hash(source))
        {
            return null;
        }

        return SectionTable.Find(bytes, TableAt, index);
    }
}
