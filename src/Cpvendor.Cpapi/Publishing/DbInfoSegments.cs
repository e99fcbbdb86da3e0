using System.Buffers;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The segments of a db_info patch as they are laid out (<see cref="DbInfoPatchSection.Segments"/>
/// and <see cref="DbInfoPatchSection.Literals"/>): copies of the base answer's bytes and literal
/// bytes, in the answer's order; a segment that continues the one before it joins it.
/// </summary>
internal sealed class DbInfoSegments
{
    private readonly List<(bool Literal, int Offset, int Length)> segments = [];
    private readonly ArrayBufferWriter<byte> literals = new();

    /// <summary>The bytes the patch holds of its own.</summary>
    public int LiteralLength => literals.WrittenCount;

    public byte[] Literals => literals.WrittenSpan.ToArray();

    /// <summary>Copies <paramref name="length"/> bytes of the base answer from <paramref name="offset"/>.</summary>
    public void Copy(int offset, int length) => Add(false, offset, length);

    public void Literal(ReadOnlySpan<byte> bytes)
    {
        var offset = literals.WrittenCount;
        literals.Write(bytes);
        Add(true, offset, bytes.Length);
    }

    /// <summary>Puts the comma between two members: none before the first (<paramref name="emitted"/> false), which it sets.</summary>
    public void Separate(ref bool emitted)
    {
        if (emitted)
            Literal(","u8);
        emitted = true;
    }

    public byte[] Segments()
    {
        var bytes = new byte[segments.Count * AnswerBookFormat.SegmentEntry];
        for (var i = 0; i < segments.Count; i++)
            DbInfoAnswer.WriteSegment(bytes.AsSpan(i * AnswerBookFormat.SegmentEntry), segments[i].Literal, segments[i].Offset, segments[i].Length);
        return bytes;
    }

    private void Add(bool literal, int offset, int length)
    {
        if (length == 0)
            return;
        if (segments.Count > 0 && segments[^1] is var last && last.Literal == literal && last.Offset + last.Length == offset)
        {
            segments[^1] = (literal, last.Offset, last.Length + length);
            return;
        }

        segments.Add((literal, offset, length));
    }
}
