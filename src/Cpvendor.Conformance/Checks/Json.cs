using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>Small readers over answers, and a canonical form to compare objects whatever their key order.</summary>
internal static class Json
{
    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Text(v) : null;

    /// <summary>
    /// A string's value. JSON may escape lone surrogates (Python's json.dumps writes "\udcff" for
    /// bytes it could not decode); .NET refuses to decode those, so they are kept as written.
    /// </summary>
    public static string Text(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            return raw[1..^1];
        }
    }

    public static long? Long(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    public static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) ? v : null;

    public static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];

    public static IEnumerable<JsonProperty> Entries(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject() : [];

    /// <summary>The element written with sorted keys and no spaces: equal meaning, equal text.</summary>
    public static string Canonical(JsonElement element, string? skipKey = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, element, skipKey);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A short rendering for evidence.</summary>
    public static string Short(JsonElement element, int max = 160)
    {
        var text = Canonical(element);
        return text.Length <= max ? text : text[..max] + "...";
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, string? skipKey = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (property.Name == skipKey)
                        continue;
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>Compares two lists as multisets of canonical texts; the differences, described.</summary>
    public static List<string> Differences(IEnumerable<JsonElement> expected, IEnumerable<JsonElement> actual, Func<JsonElement, string> label)
    {
        var want = expected.ToList();
        var got = actual.ToList();
        var remaining = got.Select(e => Canonical(e)).ToList();
        var problems = new List<string>();
        foreach (var item in want)
        {
            var canonical = Canonical(item);
            var index = remaining.IndexOf(canonical);
            if (index >= 0)
                remaining.RemoveAt(index);
            else
                problems.Add($"missing {label(item)}");
        }

        foreach (var extra in remaining)
        {
            using var doc = JsonDocument.Parse(extra);
            problems.Add($"unexpected {label(doc.RootElement)}");
        }

        return problems;
    }
}
