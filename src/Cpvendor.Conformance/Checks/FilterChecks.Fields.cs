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
    /// <c>users --fields</c>: the answer holds only the asked keys, and each object equals a user of
    /// the full list cut down to those keys. A key left out is judged by the schema check.
    /// </summary>
    private static Findings Fields(CheckContext context)
    {
        var baseline = context.Baseline.Users;
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var calls = Projections.Select(fields => (Fields: fields, Filter: (FilterCase?)null)).ToList();
        if (Targets.Users(context.Baseline).FirstOrDefault(c => c.Options[0].Option == "username") is { } byName)
            calls.Add((["owner", "package"], byName));
        foreach (var (fields, filter) in calls)
        {
            var args = (filter?.EqualsForm ?? []).Append("--fields=" + string.Join(',', fields)).ToArray();
            var call = context.Call("users", CallExpectation.Ok, args);
            if (!IsOkList(findings, call, JsonValueKind.Array))
                continue;
            var extra = call!.Answer.Data.EnumerateArray()
                .SelectMany(u => Json.Entries(u).Select(p => p.Name))
                .Where(k => !fields.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
            if (extra.Count > 0)
            {
                findings.Fail($"keys not asked for: {string.Join(", ", extra)}", call);
                continue;
            }

            var expected = baseline.Items.Where(u => filter is null || Matches(filter, u)).Select(u => Project(u, fields));
            var actual = call.Answer.Data.EnumerateArray().Select(u => Project(u, fields));
            Report(findings, call, Json.Differences(expected, actual, e => Json.Short(e, 100)), $"{baseline.Items.Count(u => filter is null || Matches(filter, u))} users with only {string.Join(", ", fields)}");
        }

        return findings;
    }

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
