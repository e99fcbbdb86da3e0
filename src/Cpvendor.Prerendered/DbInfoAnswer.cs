using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// Root's published db_info answer: the answer file, and the patch over it when one names it
/// (docs/cpapi.md, "the db_info answer and its patch"). Whichever of the two is the latest
/// (<see cref="Served"/>) carries the stamp, the credential's stamp and the log position the answer
/// is current under, so the small binary and the publisher ask one question of either. A patch's
/// answer is the base's bytes and its own in the order of its segments; every segment is checked
/// before the first byte is written, so a damaged patch answers nothing rather than part of an answer.
/// </summary>
public sealed class DbInfoAnswer : IDisposable
{
    private const uint FromBase = 0;
    private const uint FromLiterals = 1;

    private DbInfoAnswer(AnswerBook answer, AnswerBook? patch)
    {
        Base = answer;
        Patch = patch;
    }

    /// <summary>The answer file, as the last whole render wrote it.</summary>
    public AnswerBook Base { get; }

    /// <summary>The patch over <see cref="Base"/>, or null when there is none that names it.</summary>
    public AnswerBook? Patch { get; }

    /// <summary>The file the answer is current under: the patch when there is one.</summary>
    public AnswerBook Served => Patch ?? Base;

    /// <summary>Opens the answer at <paramref name="path"/> and the patch at <paramref name="patchPath"/> if it names it; null without an answer.</summary>
    public static DbInfoAnswer? Open(string path, string patchPath)
    {
        AnswerBook? answer = null, patch = null;
        try
        {
            answer = AnswerBook.OpenDbInfo(path);
            if (answer is null)
                return null;
            patch = AnswerBook.OpenDbInfoPatch(patchPath);
            var opened = new DbInfoAnswer(answer, patch is not null && Names(patch, answer) ? patch : null);
            if (opened.Patch is not null)
                patch = null;
            answer = null;
            return opened;
        }
        finally
        {
            patch?.Dispose();
            answer?.Dispose();
        }
    }

    private static bool Names(AnswerBook patch, AnswerBook answer)
    {
        var id = answer.Section((int)DbInfoSection.Id);
        return id.Length == AnswerBookFormat.DbInfoIdLength && patch.Section((int)DbInfoPatchSection.Base).SequenceEqual(id);
    }

    /// <summary>
    /// Whether the answer is the one the generation at <paramref name="generation"/> gives with the
    /// credential whose <see cref="DbInfoSource"/> stamp is <paramref name="source"/>, at
    /// <paramref name="now"/> (<see cref="AnswerBook.DbInfoCurrent"/>, with the book patch
    /// <paramref name="bookPatch"/>). A patch copies the base's bytes, the password among them: both
    /// must have been rendered with that credential.
    /// </summary>
    public bool Current(AnswerBook? bookPatch, string generation, long now, ReadOnlySpan<byte> source) =>
        AnswerBook.DbInfoCurrent(Served, bookPatch, generation, now)
        && Base.Section((int)DbInfoSection.Source).SequenceEqual(source)
        && (Patch is null || Patch.Section((int)DbInfoPatchSection.Source).SequenceEqual(source));

    /// <summary>Hands the answer to <paramref name="sink"/>; <see cref="Outcome.NotHere"/> when a segment of the patch does not fit.</summary>
    public Outcome Write(AnswerSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (Patch is null)
            return sink(Base.Section((int)DbInfoSection.Answer)) ? Outcome.Written : Outcome.WriteFailed;
        var answer = Base.Section((int)DbInfoSection.Answer);
        var literals = Patch.Section((int)DbInfoPatchSection.Literals);
        var segments = Patch.Section((int)DbInfoPatchSection.Segments);
        if (!Fits(segments, answer.Length, literals.Length))
            return Outcome.NotHere;
        var stream = new AnswerBlocks(sink);
        for (var at = 0; at < segments.Length; at += AnswerBookFormat.SegmentEntry)
        {
            var (from, offset, length) = Segment(segments, at);
            stream.Put((from == FromBase ? answer : literals).Slice((int)offset, (int)length));
        }

        return stream.Finish();
    }

    /// <summary>Whether every segment of <paramref name="segments"/> copies from a known source and lies inside it.</summary>
    public static bool Fits(ReadOnlySpan<byte> segments, int answerLength, int literalsLength)
    {
        if (segments.IsEmpty || segments.Length % AnswerBookFormat.SegmentEntry != 0)
            return false;
        for (var at = 0; at < segments.Length; at += AnswerBookFormat.SegmentEntry)
        {
            var (from, offset, length) = Segment(segments, at);
            long limit = from switch
            {
                FromBase => answerLength,
                FromLiterals => literalsLength,
                _ => -1,
            };
            if ((long)offset + length > limit)
                return false;
        }

        return true;
    }

    /// <summary>Lays out one segment: from the base's answer (<paramref name="literal"/> false) or the patch's literals.</summary>
    public static void WriteSegment(Span<byte> entry, bool literal, int offset, int length)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(entry, literal ? FromLiterals : FromBase);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], (uint)offset);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], (uint)length);
    }

    private static (uint From, uint Offset, uint Length) Segment(ReadOnlySpan<byte> segments, int at) => (
        BinaryPrimitives.ReadUInt32LittleEndian(segments[at..]),
        BinaryPrimitives.ReadUInt32LittleEndian(segments[(at + 4)..]),
        BinaryPrimitives.ReadUInt32LittleEndian(segments[(at + 8)..]));

    public void Dispose()
    {
        Patch?.Dispose();
        Base.Dispose();
    }
}
