using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

internal static partial class FilterChecks
{
    /// <summary>
    /// docs/contract.md section 3 users: a filter selects the same users whatever <c>--fields</c>
    /// asks. Real scripts filtered the records after cutting them down, so <c>--unix-id N
    /// --fields=username</c> answered everyone. Every users filter is tried with a set that leaves its
    /// key out, and the first target of each filter with every such set: each other field alone, and
    /// all the others together. A filter wrong without <c>--fields</c> is left to
    /// Users_filters_return_exactly_the_matching_users, values wrong with the set alone to
    /// Users_fields_returns_only_the_fields_asked (then only the number of users is judged here).
    /// </summary>
    private static Findings FiltersWithFields(CheckContext context)
    {
        var baseline = context.Baseline.Users;
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var wrongAlone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (filter, fields) in FilteredFieldCases(context.Baseline))
        {
            if (WrongWithoutFields(context, filter))
            {
                if (wrongAlone.Add(filter.ToString()))
                    findings.Note($"{filter} is wrong without --fields too, so not judged with it (Users_filters_return_exactly_the_matching_users reports it)");
                continue;
            }

            var call = FieldsCall(context, filter.EqualsForm, fields);
            if (!IsOkList(findings, call, JsonValueKind.Array))
                continue;
            var asked = string.Join(',', fields);
            var matching = baseline.Items.Where(u => Matches(filter, u)).ToList();
            var count = call!.Answer.Data.GetArrayLength();
            var differences = ProjectionDifferences(matching, call, fields);
            if (differences.Count > 0 && SetAloneIsWrong(context, fields))
            {
                findings.Note($"{call.Call.Display}: --fields={asked} is wrong without a filter too (Users_fields_returns_only_the_fields_asked reports it), so only the number of users is judged");
                differences = count == matching.Count ? [] : [$"{count} users where {matching.Count} match"];
            }

            if (differences.Count > 0 && count > matching.Count)
                differences.Insert(0, $"{filter} with --fields={asked} answered {count} users where {matching.Count} match: the filter is dropped when --fields leaves out its key");
            Report(findings, call, differences, $"{filter} with --fields={asked}: {matching.Count} users");
        }

        findings.NothingToJudge("no filter target found in the unfiltered answer");
        return findings;
    }

    /// <summary>
    /// The users filters paired with <c>--fields</c> sets that leave the filtered key out: every target
    /// with one such set, the first target of each filter with all of them.
    /// </summary>
    private static IEnumerable<(FilterCase Filter, string[] Fields)> FilteredFieldCases(Baseline b)
    {
        var targets = Targets.Users(b).ToList();
        var firstOfEach = targets.DistinctBy(t => t.Options[0].Option, StringComparer.Ordinal);
        return targets.Select(t => (Filter: t, Fields: SetsWithout(KeyOf(t)).First()))
            .Concat(firstOfEach.SelectMany(t => SetsWithout(KeyOf(t)).Select(s => (Filter: t, Fields: s))))
            .DistinctBy(c => c.Filter + " --fields=" + string.Join(',', c.Fields), StringComparer.Ordinal);
    }

    /// <summary>The key of a user the filter reads.</summary>
    private static string KeyOf(FilterCase filter) => filter.Options[0].Option switch
    {
        "unix-id" => "id",
        "package-name" or "package-owner" => "package",
        var option => option,
    };

    /// <summary>Each other field alone, then all the others together.</summary>
    private static IEnumerable<string[]> SetsWithout(string key)
    {
        var others = Grammar.UserFields.Where(f => f != key).ToArray();
        return others.Select(f => new[] { f }).Append(others);
    }

    private static bool WrongWithoutFields(CheckContext context, FilterCase filter) =>
        context.Call("users", Running.CallExpectation.Ok, filter.EqualsForm) is not { IsOk: true } plain
        || DifferencesFromExpected(context, filter, plain.Answer.Data) is not { Count: 0 };

    private static bool SetAloneIsWrong(CheckContext context, string[] fields) =>
        FieldsCall(context, [], fields) is not { IsOk: true } alone
        || alone.Answer.Data.ValueKind != JsonValueKind.Array
        || ProjectionDifferences(context.Baseline.Users.Items, alone, fields).Count > 0;
}
