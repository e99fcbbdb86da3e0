using System.Buffers;
using System.Text.Json;
using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

internal static partial class FilterChecks
{
    private static readonly string[][] Projections =
    [
        ["id", "username"],
        ["domain", "package", "email", "locale_code"],
        ["owner"],
    ];

    /// <summary>
    /// <c>users --fields</c>: each object equals a user of the full list cut down to the asked keys,
    /// for the usual projections and every set the filters are tried with (so that a filter judged
    /// with a set knows whether the set alone is answered right). Keys beyond those asked are the
    /// schema check's to report, and a key left out too.
    /// </summary>
    private static Findings Fields(CheckContext context)
    {
        var baseline = context.Baseline.Users;
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var fields in FieldSets(context.Baseline))
        {
            var call = FieldsCall(context, [], fields);
            if (!IsOkList(findings, call, JsonValueKind.Array))
                continue;
            var extra = call!.Answer.Data.EnumerateArray()
                .SelectMany(u => Json.Entries(u).Select(p => p.Name))
                .Where(k => !fields.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
            if (extra.Count > 0)
                findings.Note($"keys not asked for ({string.Join(", ", extra)}) are reported by Answers_carry_no_keys_beyond_the_schema: {call.Call.Display}");
            Report(findings, call, ProjectionDifferences(baseline.Items, call, fields), $"{baseline.Items.Count} users with only {string.Join(", ", fields)}");
        }

        return findings;
    }

    /// <summary>Every <c>--fields</c> set the checker asks for: the usual projections, then those the filters are tried with.</summary>
    private static IEnumerable<string[]> FieldSets(Baseline b) =>
        Projections.Concat(FilteredFieldCases(b).Select(c => c.Fields))
            .DistinctBy(fields => string.Join(',', fields), StringComparer.Ordinal);

    private static CallResult? FieldsCall(CheckContext context, string[] filter, string[] fields) =>
        context.Call("users", CallExpectation.Ok, [.. filter, "--fields=" + string.Join(',', fields)]);

    /// <summary>How the answer differs from <paramref name="expected"/> once both are cut down to <paramref name="fields"/>.</summary>
    private static List<string> ProjectionDifferences(IEnumerable<JsonElement> expected, CallResult call, string[] fields) =>
        Json.Differences(expected.Select(u => Project(u, fields)), call.Answer.Data.EnumerateArray().Select(u => Project(u, fields)), e => Json.Short(e, 100));

    /// <summary>An object cut down to the given keys (those it has).</summary>
    private static JsonElement Project(JsonElement user, string[] fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in Json.Entries(user).Where(p => fields.Contains(p.Name)))
                property.WriteTo(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
