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
    /// <c>users --fields</c>: each object equals a user of the full list cut down to the asked keys.
    /// Every filter is also tried with a <c>--fields</c> that leaves its own key out (one script
    /// filtered the projected records, so <c>--unix-id N --fields=username</c> answered everyone).
    /// Keys beyond those asked are the schema check's to report, and a key left out too.
    /// </summary>
    private static Findings Fields(CheckContext context)
    {
        var baseline = context.Baseline.Users;
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var calls = Projections.Select(fields => (Fields: fields, Filter: (FilterCase?)null)).ToList();
        foreach (var filter in Targets.Users(context.Baseline))
            calls.Add((WithoutKeyOf(filter), filter));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (fields, filter) in calls)
        {
            var args = (filter?.EqualsForm ?? []).Append("--fields=" + string.Join(',', fields)).ToArray();
            if (!seen.Add(string.Join(' ', args)))
                continue;
            var call = context.Call("users", CallExpectation.Ok, args);
            if (!IsOkList(findings, call, JsonValueKind.Array))
                continue;
            var extra = call!.Answer.Data.EnumerateArray()
                .SelectMany(u => Json.Entries(u).Select(p => p.Name))
                .Where(k => !fields.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
            if (extra.Count > 0)
                findings.Note($"keys not asked for ({string.Join(", ", extra)}) are reported by Answers_carry_no_keys_beyond_the_schema: {call.Call.Display}");

            if (filter is not null && context.Call("users", CallExpectation.Ok, filter.EqualsForm) is { IsOk: true } plain
                && DifferencesFromExpected(context, filter, plain.Answer.Data) is { Count: > 0 })
            {
                findings.Note($"{call.CommandLine}: {filter} is wrong without --fields too (Users_filters_return_exactly_the_matching_users reports it)");
                continue;
            }

            var matching = baseline.Items.Where(u => filter is null || Matches(filter, u)).ToList();
            var expected = matching.Select(u => Project(u, fields));
            var actual = call.Answer.Data.EnumerateArray().Select(u => Project(u, fields));
            var differences = Json.Differences(expected, actual, e => Json.Short(e, 100));
            if (filter is not null && differences.Count > 0 && call.Answer.Data.GetArrayLength() > matching.Count)
                differences.Insert(0, $"{filter} with --fields={string.Join(',', fields)} answered {call.Answer.Data.GetArrayLength()} users where {matching.Count} match: the filter is applied only when --fields keeps its key");
            Report(findings, call, differences, $"{matching.Count} users with only {string.Join(", ", fields)}");
        }

        return findings;
    }

    /// <summary>A projection that leaves out the key the filter reads.</summary>
    private static string[] WithoutKeyOf(FilterCase filter) => filter.Options[0].Option switch
    {
        "unix-id" => ["username"],
        "package-name" or "package-owner" => ["id", "username"],
        _ => ["id"],
    };

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
