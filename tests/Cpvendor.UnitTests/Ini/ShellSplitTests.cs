using System.Text.Json.Nodes;
using Cpvendor.Core;

namespace Cpvendor.UnitTests.Ini;

/// <summary>Our shlex.split against Python's, on named cases and random lines.</summary>
public sealed class ShellSplitTests
{
    private const string PythonCode = """
        import json, shlex, sys
        out = []
        for line in json.load(sys.stdin):
            try:
                out.append({"words": shlex.split(line)})
            except ValueError as e:
                out.append({"error": str(e)})
        print(json.dumps(out))
        """;

    private static readonly string[] Named =
    [
        "/opt/cpvendor/bin/cpvendor cpapi users",
        "  leading and   trailing  ",
        "tab\tseparated\nand\rnewlines",
        "'single quoted $HOME \\n'",
        "\"double \\\" quote \\\\ backslash \\$ dollar \\n\"",
        "a\\ b c",
        "mixed'single'\"double\"plain",
        "''",
        "\"\"",
        "x '' y",
        "'unterminated",
        "\"unterminated",
        "trailing\\",
        "\\",
        "back\\\nslash newline",
        "é ünïcödé 🙂",
        "a#b # not a comment",
        "--opt=\"value with spaces\"",
        "'it'\\''s'",
        "",
        "   ",
    ];

    public static TheoryData<int> NamedIndexes => new(Enumerable.Range(0, Named.Length));

    [Theory]
    [MemberData(nameof(NamedIndexes))]
    public void Splits_each_named_line_exactly_as_python_shlex(int index) => AssertSame([Named[index]]);

    [Fact]
    public void Splits_random_lines_exactly_as_python_shlex()
    {
        var random = new Random(4242);
        string[] pieces = ["a", "b", " ", "\t", "'", "\"", "\\", "\\\\", "\\\"", "\n", "é", "$", "#", "=", "''", "\"\""];
        var lines = Enumerable.Range(0, 400)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => pieces[random.Next(pieces.Length)])))
            .ToList();
        AssertSame(lines);
    }

    [Fact]
    public void Quoted_words_keep_their_spaces()
    {
        var (words, error) = ShellWords.Split("/usr/bin/env 'my vendor' \"a b\"");
        Assert.Null(error);
        Assert.Equal(["/usr/bin/env", "my vendor", "a b"], words!);
    }

    [Fact]
    public void Joined_words_are_split_back_unchanged_by_python_shlex()
    {
        var random = new Random(77);
        string[] pieces = ["a", " ", "'", "\"", "\\", "$", "`", "\t", "é", "=", "-", "/"];
        var vectors = Enumerable.Range(0, 200)
            .Select(_ => Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)])))
                .ToArray())
            .ToList();
        var lines = vectors.Select(v => ShellWords.Join(v)).ToList();
        var input = new JsonArray(lines.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());

        var python = JsonNode.Parse(Python.Run(PythonCode, input.ToJsonString()))!.AsArray();

        for (var i = 0; i < vectors.Count; i++)
        {
            var expected = new JsonObject { ["words"] = new JsonArray(vectors[i].Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()) };
            Assert.True(JsonNode.DeepEquals(expected, python[i]), $"{lines[i]}: python {python[i]!.ToJsonString()}");
            Assert.Equal(vectors[i], ShellWords.Split(lines[i]).Words!);
        }
    }

    private static void AssertSame(IReadOnlyList<string> lines)
    {
        var input = new JsonArray(lines.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
        var python = JsonNode.Parse(Python.Run(PythonCode, input.ToJsonString()))!.AsArray();
        var mismatches = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (words, error) = ShellWords.Split(lines[i]);
            JsonNode ours = error is null
                ? new JsonObject { ["words"] = new JsonArray(words!.Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()) }
                : new JsonObject { ["error"] = error };
            if (!JsonNode.DeepEquals(python[i], ours))
                mismatches.Add($"{JsonValue.Create(lines[i]).ToJsonString()}: python {python[i]!.ToJsonString()}, ours {ours.ToJsonString()}");
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(8)));
    }
}
