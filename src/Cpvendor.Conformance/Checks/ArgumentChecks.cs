using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>docs/contract.md sections 2 and 3: how arguments are read, and which calls are refused and how.</summary>
internal static partial class ArgumentChecks
{
    public const string Section = "§2 Arguments";

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Arguments_are_understood_in_every_form", Section, "--x=v, --x v and the short forms -o, -n, -m give the same answer", Forms),
        new("Repeated_option_takes_its_last_value", Section, "an option given twice takes its last value", Repeated),
        new("Unknown_arguments_are_bad_request", Section, "an unknown option or a stray word is BadRequest, for every script", UnknownArguments),
        new("Bad_values_are_bad_request", Section, "a non-number id, a boolean other than true|false, a missing value is BadRequest", BadValues),
        new("Users_filter_combinations_are_bad_request", "§3 users", "users filters are alternatives; --package-name and --package-owner only together", Combinations),
        new("Users_fields_match_names_exactly", "§3 users", "--fields takes exact names: a part of a name is BadRequest", FieldsExact),
        new("Users_fields_with_unknown_name_is_bad_request", "§3 users", "--fields with a name outside the schema is BadRequest", FieldsUnknown),
        new("Filters_naming_nothing_are_not_found", "§2 The envelope", "a filter naming a user, owner, package, domain, reseller or admin that does not exist is NotFound", NotFound),
    ];

    /// <summary>
    /// Every spelling of a filter must give the answer the unfiltered data predicts, not only the
    /// same answer as <c>--x=v</c>: a script that ignores a filter in every form answers alike
    /// (docs/contract.md section 2, Arguments).
    /// </summary>
    private static Findings Forms(CheckContext context)
    {
        var findings = new Findings();
        foreach (var filter in Targets.All(context.Baseline))
        {
            var reference = context.Call(filter.Script, CallExpectation.Ok, filter.EqualsForm);
            foreach (var form in new[] { filter.SpacedForm, filter.ShortForm }.OfType<string[]>())
            {
                var call = context.Call(filter.Script, CallExpectation.Ok, form);
                if (call is null)
                    continue;
                var equals = string.Join(' ', filter.EqualsForm);
                if (!call.IsEnvelope)
                {
                    findings.NotJudged(call, "Every_answer_is_an_envelope");
                    continue;
                }

                if (call.Answer.Result != "ok" && reference is { IsEnvelope: true } && reference.Answer.Result == call.Answer.Result)
                {
                    findings.Note($"{call.CommandLine}: {call.Answer.Result} as for {equals}, so not a matter of spelling (the filter checks report it)");
                    findings.Pass();
                    continue;
                }

                if (call.Answer.Result != "ok")
                {
                    findings.Fail($"answered {call.Answer.Result} ({call.Answer.MessageText}) where the filter names something that exists{(reference is { IsOk: true } ? $"; {equals} answered ok" : "")}", call);
                    continue;
                }

                var differences = FilterChecks.DifferencesFromExpected(context, filter, call.Answer.Data);
                var same = reference is { IsOk: true } && Json.Canonical(call.Answer.Data) == Json.Canonical(reference.Answer.Data);
                if (differences is { Count: > 0 } && same)
                {
                    // Wrong alike in every form: the filter itself is wrong, and the filter check reports it once.
                    findings.Note($"{call.CommandLine}: as wrong as {equals}, so not a matter of spelling (the filter checks report it)");
                    findings.Pass();
                }
                else if (differences is { Count: > 0 })
                {
                    findings.Fail($"{string.Join("; ", differences.Take(3))}{(differences.Count > 3 ? $" (and {differences.Count - 3} more)" : "")}", call);
                }
                else if (differences is null && reference is { IsOk: true } && Json.Canonical(call.Answer.Data) != Json.Canonical(reference.Answer.Data))
                {
                    findings.Fail($"the data differs from the answer to {equals}", call);
                }
                else
                {
                    findings.Pass(call, "the answer the unfiltered data predicts");
                }
            }
        }

        findings.NothingToJudge(ConsistencyChecks.Unusable(context.Baseline.Users, context.Baseline.Domains) ?? "no filter target found");
        return findings;
    }

    /// <summary>A repeated option takes its last value, in each spelling (docs/contract.md section 2, Arguments).</summary>
    private static Findings Repeated(CheckContext context)
    {
        var findings = new Findings();
        foreach (var filter in Targets.Users(context.Baseline).Concat(Targets.Admins(context.Baseline)).Where(f => f.Options[0].Option is "username" or "name"))
        {
            var (option, value) = filter.Options[0];
            var reference = context.Call(filter.Script, CallExpectation.Ok, filter.EqualsForm);
            if (reference is not { IsOk: true })
                continue;
            var decoy = filter with { Options = [(option, Targets.Nobody)] };
            var forms = new List<(string[] Single, string[] Args)>
            {
                (filter.EqualsForm, [.. decoy.EqualsForm, .. filter.EqualsForm]),
                (filter.SpacedForm, [.. decoy.SpacedForm, .. filter.SpacedForm]),
            };
            if (decoy.ShortForm is { } shortDecoy && filter.ShortForm is { } shortReal)
                forms.Add((shortReal, [.. shortDecoy, .. shortReal]));
            foreach (var (single, args) in forms)
            {
                var call = context.Call(filter.Script, CallExpectation.Ok, args);
                if (call is null)
                    continue;
                if (context.Call(filter.Script, CallExpectation.Ok, single) is { IsOk: false } once)
                {
                    // The spelling itself is not understood: one cause, reported where spellings are judged.
                    findings.Note($"{call.CommandLine}: not judged, {once.CommandLine} alone is not understood (Arguments_are_understood_in_every_form reports it)");
                    continue;
                }

                if (!call.IsEnvelope)
                    findings.NotJudged(call, "Every_answer_is_an_envelope");
                else if (call.Answer.Result != "ok" || Json.Canonical(call.Answer.Data) != Json.Canonical(reference.Answer.Data))
                    findings.Fail($"answered {call.Answer.Result}{(call.Answer.Result == "ok" ? " with other data" : $" ({call.Answer.MessageText})")}; the last {args[^2].Split('=')[0]} ({value}) should win", call);
                else
                    findings.Pass(call, $"{value} won");
            }
        }

        findings.NothingToJudge("no user or admin to filter by");
        return findings;
    }

    internal static void Expect(CheckContext context, Findings findings, ResultKind kind, string script, params string[] args) =>
        ExpectAs(context, findings, null, kind, script, args);

    internal static void ExpectAs(CheckContext context, Findings findings, RunAs? user, ResultKind kind, string script, params string[] args)
    {
        var call = user is null
            ? context.Call(script, CallExpectation.Error, args)
            : context.CallAs(user, script, CallExpectation.Error, args);
        if (call is null)
            return;
        if (!call.IsEnvelope)
            findings.NotJudged(call, "Every_answer_is_an_envelope");
        else if (call.Answer.Result != kind.WireName())
            findings.Fail($"answered {call.Answer.Result}{(call.Answer.Result == "ok" ? $" with {Json.Short(call.Answer.Data, 80)}" : $" ({call.Answer.MessageText})")}, expected {kind.WireName()}", call);
        else
            findings.Pass(call);
    }
}
