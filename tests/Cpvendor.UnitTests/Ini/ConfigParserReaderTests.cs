using System.Text;
using System.Text.Json.Nodes;
using Cpvendor.Conformance.Ini;

namespace Cpvendor.UnitTests.Ini;

/// <summary>Our configparser against Python's, on every rule and on random files.</summary>
public sealed class ConfigParserReaderTests
{
    public static TheoryData<string> Samples => new(IniSamples.Names);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_each_sample_exactly_as_python_configparser(string sample)
    {
        var ours = IniDump.FromOurs(IniSamples.Cases[sample]);
        var python = IniSamples.Python(sample);
        Assert.True(JsonNode.DeepEquals(python, ours), $"{sample}\npython: {python.ToJsonString()}\nours:   {ours.ToJsonString()}");
    }

    [Fact]
    public void Reads_random_files_exactly_as_python_configparser()
    {
        var random = new Random(20261126);
        string[] pieces =
        [
            "[s]", "[DEFAULT]", "[t]", "[]", "a", "B", "key", " ", "  ", "\t", "\n", "\n", "\n", "\r\n", "=", ":", "%%", "%", "%(a)s", "%(key)s", "%(b",
            "#", ";", "value", "é", "\u00a0", "[", "]", "x y", "\f",
        ];
        var files = Enumerable.Range(0, 150)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(3, 30)).Select(_ => pieces[random.Next(pieces.Length)])))
            .Select(text => "[s]\n" + text)
            .ToList();
        var dir = Directory.CreateTempSubdirectory("cpvendor-ini-fuzz-");
        try
        {
            var paths = files.Select((text, i) =>
            {
                var path = Path.Combine(dir.FullName, $"{i}.ini");
                File.WriteAllText(path, text, new UTF8Encoding(false));
                return path;
            }).ToList();
            var python = IniDump.FromPython(paths);
            var mismatches = files.Select((text, i) => (Text: text, Python: python[i], Ours: IniDump.FromOurs(Encoding.UTF8.GetBytes(text))))
                .Where(x => !JsonNode.DeepEquals(x.Python, x.Ours))
                .Select(x => $"{JsonValue.Create(x.Text).ToJsonString()}\n  python: {x.Python.ToJsonString()}\n  ours:   {x.Ours.ToJsonString()}")
                .ToList();
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Default_values_reach_every_section_through_interpolation()
    {
        var (document, error) = ConfigParserReader.Read("[DEFAULT]\ndir = /opt/v\n[integration_scripts]\nusers = %(dir)s/bin/users --x\n");
        Assert.Null(error);
        Assert.Equal("/opt/v/bin/users --x", document!.Get("integration_scripts", "USERS").Value);
    }

    [Fact]
    public void A_file_with_a_bad_line_is_refused_as_a_whole()
    {
        var (document, error) = ConfigParserReader.Read("[s]\na = 1\nnonsense\n");
        Assert.Null(document);
        Assert.Equal("ParsingError", error!.Kind);
        Assert.Equal(3, error.Line);
    }
}
