using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// Pre-rendered answers tied to the file they were rendered from (the public panel_info file, a
/// caller's per-uid file): the magic <c>CPVANSW1</c>, the source's length and <see cref="Fnv"/>
/// hash, the number of answers, each answer's length, then the answers. A reader serves them only
/// while the source still has exactly those bytes, so a crash between writing the two files, or a
/// source rewritten since, sends the call to the full path instead of answering old data.
/// </summary>
public static class StampedAnswers
{
    /// <summary>A file of answers larger than this is not read: the call takes the full path.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The most a source (a caller's per-uid file) may hold: the full binary fails closed on a larger
    /// one, read as hostile input since its user may write it and root reads it in privileged mode,
    /// so a larger source is never answered from here either.
    /// </summary>
    public const int MaxSourceBytes = 16 * 1024 * 1024;

    private const int HeaderLength = 32;

    private static ReadOnlySpan<byte> Magic => "CPVANSW1"u8;

    /// <summary>Lays out <paramref name="answers"/> stamped with <paramref name="source"/>.</summary>
    public static byte[] Build(ReadOnlySpan<byte> source, IReadOnlyList<byte[]> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var length = HeaderLength + (answers.Count * 8);
        foreach (var answer in answers)
            length += answer.Length;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], source.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[16..], Fnv.Hash(source));
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], answers.Count);
        var at = HeaderLength + (answers.Count * 8);
        for (var i = 0; i < answers.Count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(HeaderLength + (i * 8))..], answers[i].Length);
            answers[i].CopyTo(span[at..]);
            at += answers[i].Length;
        }

        return bytes;
    }

    /// <summary>Answer <paramref name="index"/> of the file at <paramref name="path"/> if it was rendered from the current bytes of <paramref name="sourcePath"/>.</summary>
    public static ReadOnlyMemory<byte>? TryRead(string path, string sourcePath, int index)
    {
        if (Native.ReadAll(path, MaxBytes) is not { } bytes || Native.ReadAll(sourcePath, MaxSourceBytes) is not { } source)
            return null;
        var span = bytes.AsSpan();
        if (span.Length < HeaderLength || !span.StartsWith(Magic)
            || BinaryPrimitives.ReadInt64LittleEndian(span[8..]) != source.Length
            || BinaryPrimitives.ReadUInt64LittleEndian(span[16..]) != Fnv.Hash(source))
        {
            return null;
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(span[24..]);
        if (count < 0 || index >= count || HeaderLength + (count * 8L) > span.Length)
            return null;
        long at = HeaderLength + (count * 8L);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadInt64LittleEndian(span[(HeaderLength + (i * 8))..]);
            if (length < 0 || at + length > span.Length)
                return null;
            if (i == index)
                return bytes.AsMemory((int)at, (int)length);
            at += length;
        }

        return null;
    }
}
