using System.Text;
using Cpvendor.Prerendered;

namespace Cpvendor.UnitTests;

/// <summary>
/// Root's db_info answer read from its file and the patch over it: the segments are copied in
/// order, and a patch with any segment outside what it copies from, of an unknown kind or cut short
/// writes nothing at all (the full path answers then), while a patch naming another file is not used.
/// </summary>
public sealed class DbInfoAnswerTests : IDisposable
{
    private static readonly byte[] Id = Enumerable.Range(1, AnswerBookFormat.DbInfoIdLength).Select(i => (byte)i).ToArray();
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("{\"data\":{\"mysql\":{\"mapping\":{\"a\":[\"a1\"],\"b\":[\"b1\"],\"c\":[\"c1\"]}}}}\n");

    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-dbinfo-").FullName;

    public DbInfoAnswerTests() => File.WriteAllBytes(BasePath, AnswerBookFormat.Build(AnswerBookFormat.DbInfoMagic, Stamp, long.MaxValue,
        [[], Answer, AnswerBookFormat.LogBytes("e", 1), [], Id]));

    private static GenerationStamp Stamp => new(1, 2, 3, 4, 5);

    private string BasePath => Path.Combine(dir, "db_info.answer");

    private string PatchPath => Path.Combine(dir, "db_info.patch");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_patch_naming_the_file_writes_its_segments_in_order()
    {
        var bMember = Encoding.UTF8.GetBytes("\"b\":[\"b1\"]");
        var at = Answer.AsSpan().IndexOf(bMember);
        WritePatch(Id, Encoding.UTF8.GetBytes("\"b\":[\"b1\",\"b2\"]"), Segment(false, 0, at), Segment(true, 0, 15), Segment(false, at + bMember.Length, Answer.Length - at - bMember.Length));

        var (outcome, written, _) = Serve();

        Assert.Equal(Outcome.Written, outcome);
        Assert.Equal("{\"data\":{\"mysql\":{\"mapping\":{\"a\":[\"a1\"],\"b\":[\"b1\",\"b2\"],\"c\":[\"c1\"]}}}}\n", written);
    }

    [Fact]
    public void A_patch_with_a_segment_out_of_bounds_or_of_an_unknown_kind_writes_nothing()
    {
        byte[][][] damaged =
        [
            [Segment(false, 0, 10), Segment(false, 10, Answer.Length)],
            [Segment(false, 0, 10), Segment(true, 3, 13)],
            [Segment(false, 0, 10), Segment(true, unchecked((int)0xFFFF_FFFF), 2)],
            [Segment(false, 0, 10), [2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0]],
            [Segment(false, 0, 10), Segment(true, 0, 1)[..8]],
            [],
        ];
        foreach (var segments in damaged)
        {
            WritePatch(Id, Encoding.UTF8.GetBytes("literal-bytes"), segments);

            var (outcome, written, calls) = Serve();

            Assert.Equal(Outcome.NotHere, outcome);
            Assert.Equal(0, calls);
            Assert.Equal("", written);
        }
    }

    [Fact]
    public void A_patch_naming_another_file_is_not_used()
    {
        var other = (byte[])Id.Clone();
        other[0] ^= 0xff;
        WritePatch(other, [], Segment(false, 0, 5));

        using var file = DbInfoAnswer.Open(BasePath, PatchPath);

        Assert.NotNull(file);
        Assert.Null(file.Patch);
        Assert.Equal(Encoding.UTF8.GetString(Answer), Serve().Written);
    }

    private void WritePatch(byte[] baseId, byte[] literals, params byte[][] segments) =>
        File.WriteAllBytes(PatchPath, AnswerBookFormat.Build(AnswerBookFormat.DbInfoPatchMagic, Stamp, long.MaxValue,
            [[], literals, AnswerBookFormat.LogBytes("e", 2), baseId, [], segments.SelectMany(s => s).ToArray()]));

    private static byte[] Segment(bool literal, int offset, int length)
    {
        var entry = new byte[AnswerBookFormat.SegmentEntry];
        DbInfoAnswer.WriteSegment(entry, literal, offset, length);
        return entry;
    }

    private (Outcome Outcome, string Written, int Calls) Serve()
    {
        using var file = DbInfoAnswer.Open(BasePath, PatchPath);
        Assert.NotNull(file);
        var written = new StringBuilder();
        var calls = 0;
        var outcome = file.Write(bytes =>
        {
            calls++;
            written.Append(Encoding.UTF8.GetString(bytes));
            return true;
        });
        return (outcome, written.ToString(), calls);
    }
}
