using System.Text.Json.Nodes;
using Cpvendor.Conformance.Ini;

namespace Cpvendor.UnitTests.Ini;

/// <summary>
/// The same picture of a parsed file from Python's configparser and from ours: every section's
/// options (DEFAULT's included) with their interpolated values or the name of the error raised.
/// </summary>
internal static class IniDump
{
    public const string PythonCode = """
        import configparser, json, sys
        def dump(path):
            p = configparser.ConfigParser()
            try:
                with open(path, encoding='utf-8') as f:
                    p.read_file(f, path)
            except Exception as e:
                return {"error": type(e).__name__}
            def get(s, k):
                try:
                    return p.get(s, k)
                except Exception as e:
                    return {"error": type(e).__name__}
            return {
                "sections": [[s, [[k, get(s, k)] for k in p.options(s)]] for s in p.sections()],
                "defaults": [[k, get('DEFAULT', k)] for k in p.defaults()],
            }
        print(json.dumps([dump(path) for path in sys.argv[1:]]))
        """;

    /// <summary>Python's picture of each file, in one python3 run.</summary>
    public static List<JsonNode> FromPython(IReadOnlyList<string> paths)
    {
        var output = Python.Run(PythonCode, null, paths.ToArray());
        return JsonNode.Parse(output)!.AsArray().Select(n => n!).ToList();
    }

    public static JsonNode FromOurs(byte[] bytes)
    {
        var (document, error) = ConfigParserReader.Read(bytes);
        if (document is null)
            return new JsonObject { ["error"] = error!.Kind };
        var sections = new JsonArray();
        foreach (var section in document.Sections)
        {
            var items = new JsonArray();
            foreach (var option in document.Options(section))
                items.Add(new JsonArray(option, Value(document, section, option)));
            sections.Add(new JsonArray(section, items));
        }

        var defaults = new JsonArray();
        foreach (var option in document.DefaultOptions)
            defaults.Add(new JsonArray(option, Value(document, IniDocument.DefaultSection, option)));
        return new JsonObject { ["sections"] = sections, ["defaults"] = defaults };
    }

    private static JsonNode Value(IniDocument document, string section, string option)
    {
        var (value, error) = document.Get(section, option);
        return error is null ? JsonValue.Create(value!) : new JsonObject { ["error"] = error.Kind };
    }
}
