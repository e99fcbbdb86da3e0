using System.Text.Json;
using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 3: each filter, written <c>--x=v</c>, returns exactly the part of the
/// unfiltered answer it names (the other spellings are judged by the argument checks).
/// </summary>
internal static partial class FilterChecks
{
    public static IEnumerable<CheckDefinition> All =>
    [
        new("Packages_owner_filter_returns_exactly_their_packages", "§3 packages", "packages --owner=X returns exactly X's packages of the full list", c => Judge(c, c.Baseline.Packages, Targets.Packages(c.Baseline))),
        new("Users_filters_return_exactly_the_matching_users", "§3 users", "users --owner, --package-name with --package-owner, --username and --unix-id return exactly the matching users; each member of the package pair filters on its own", Users),
        new("Users_fields_returns_only_the_fields_asked", "§3 users", "users --fields=a,b returns only those keys, with the same values as the full list", Fields),
        new("Users_filters_hold_whatever_fields_asks", "§3 users", "each users filter selects the same users with a --fields that leaves its key out", FiltersWithFields),
        new("Domains_filters_return_exactly_the_matching_domains", "§3 domains", "domains --owner and --name return exactly the matching domains; --with-php lists the same domains", Domains),
        new("Resellers_filters_return_exactly_the_matching_resellers", "§3 resellers", "resellers --id and --name return exactly the matching reseller", c => Judge(c, c.Baseline.Resellers, Targets.Resellers(c.Baseline))),
        new("Admins_filters_return_exactly_the_matching_admins", "§3 admins", "admins --name and --is-main return exactly the matching admins", c => Judge(c, c.Baseline.Admins, Targets.Admins(c.Baseline))),
    ];

    private static Findings Judge(CheckContext context, BaselineAnswer baseline, IEnumerable<FilterCase> cases)
    {
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var filter in cases)
        {
            var call = context.Call(filter.Script, CallExpectation.Ok, filter.EqualsForm);
            if (!IsOkList(findings, call, JsonValueKind.Array))
                continue;
            var expected = baseline.Items.Where(item => Matches(filter, item));
            var differences = Json.Differences(expected, call!.Answer.Data.EnumerateArray(), Label);
            Report(findings, call, differences, $"{filter}: {baseline.Items.Count(item => Matches(filter, item))} of {baseline.Items.Count} entries, as expected");
        }

        findings.NothingToJudge("no filter target found in the unfiltered answer");
        return findings;
    }

    private static Findings Domains(CheckContext context)
    {
        var baseline = context.Baseline.Domains;
        if (baseline.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var filter in Targets.Domains(context.Baseline))
        {
            var call = context.Call("domains", CallExpectation.Ok, filter.EqualsForm);
            if (!IsOkList(findings, call, JsonValueKind.Object))
                continue;
            var expected = baseline.Entries.Where(d => MatchesDomain(filter, d)).ToList();
            Report(findings, call!, CompareDomains(expected, call!.Answer.Data, ignorePhp: false), $"{filter}: {expected.Count} of {baseline.Entries.Count} domains, as expected");
        }

        var withPhp = context.Baseline.DomainsWithPhp;
        if (withPhp.Call is { } phpCall && IsOkList(findings, phpCall, JsonValueKind.Object))
            Report(findings, phpCall, CompareDomains(baseline.Entries, phpCall.Answer.Data, ignorePhp: true), "domains --with-php lists the same domains");
        return findings;
    }

    internal static bool IsOkList(Findings findings, CallResult? call, JsonValueKind kind)
    {
        if (call is null)
            return false;
        if (!call.IsEnvelope)
        {
            findings.NotJudged(call, "Every_answer_is_an_envelope");
            return false;
        }

        if (call.Answer.Result != "ok")
        {
            findings.Fail($"answered {call.Answer.Result} ({call.Answer.MessageText}) where the filter names something that exists", call);
            return false;
        }

        if (call.Answer.Data.ValueKind != kind)
        {
            findings.Fail($"data is a JSON {Answer.Kind(call.Answer.Data)}", call);
            return false;
        }

        return true;
    }

    internal static void Report(Findings findings, CallResult call, List<string> differences, string passDetail)
    {
        if (differences.Count == 0)
        {
            findings.Pass(call, passDetail);
            return;
        }

        var shown = string.Join("; ", differences.Take(4));
        findings.Fail(differences.Count > 4 ? $"{shown} (and {differences.Count - 4} more differences)" : shown, call);
    }

    internal static List<string> CompareDomains(IEnumerable<JsonProperty> expected, JsonElement actual, bool ignorePhp)
    {
        var want = expected.ToDictionary(d => d.Name, d => d.Value, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var domain in actual.EnumerateObject())
        {
            if (!want.Remove(domain.Name, out var wanted))
                problems.Add($"unexpected domain {domain.Name} (owner {Json.Str(domain.Value, "owner")})");
            else if (Without(domain.Value, ignorePhp) != Without(wanted, ignorePhp))
                problems.Add($"{domain.Name} differs from the unfiltered answer: {Json.Short(domain.Value, 100)}");
        }

        problems.AddRange(want.Keys.Select(name => $"missing domain {name}"));
        return problems;
    }

    private static string Without(JsonElement domain, bool ignorePhp) =>
        ignorePhp ? Json.Canonical(domain, skipKey: "php") : Json.Canonical(domain);

    internal static string Label(JsonElement item)
    {
        var name = Json.Str(item, "username") ?? Json.Str(item, "name");
        if (name is null)
            return Json.Short(item, 80);
        return Json.Str(item, "owner") is { } owner ? $"\"{name}\" (owner {owner})" : $"\"{name}\"";
    }

    internal static bool Matches(FilterCase filter, JsonElement item) => filter.Options.All(o => o.Option switch
    {
        "owner" => Json.Str(item, "owner") == o.Value,
        "package-name" => Json.Member(item, "package") is { } p && Json.Str(p, "name") == o.Value,
        "package-owner" => Json.Member(item, "package") is { } p && Json.Str(p, "owner") == o.Value,
        "username" => Json.Str(item, "username") == o.Value,
        "unix-id" or "id" => Json.Long(item, "id")?.ToString(System.Globalization.CultureInfo.InvariantCulture) == o.Value,
        "name" => Json.Str(item, "name") == o.Value,
        "is-main" => Json.Bool(item, "is_main") == (o.Value == "true"),
        _ => true,
    });

    internal static bool MatchesDomain(FilterCase filter, JsonProperty domain) => filter.Options.All(o => o.Option switch
    {
        "owner" => Json.Str(domain.Value, "owner") == o.Value,
        "name" => domain.Name == o.Value,
        _ => true,
    });
}
