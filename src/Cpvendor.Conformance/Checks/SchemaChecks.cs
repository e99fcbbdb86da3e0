using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md sections 2 and 3: every ok answer a check expected to succeed, matched against the
/// strict schema of its script (missing keys, unknown keys and wrong types are separate checks, so a
/// vendor sees which habit is wrong). panel_info's own rules follow.
/// </summary>
internal static class SchemaChecks
{
    public const string Section = "§3 The scripts";
    public const string PanelInfoSection = "§3 panel_info";

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Answers_carry_every_schema_key", Section, "every object carries every key of its schema, null when there is no value", c => Judge(c, SchemaProblemKind.Missing), Aggregate: true),
        new("Answers_carry_no_keys_beyond_the_schema", Section, "no object carries a key its schema does not have", c => Judge(c, SchemaProblemKind.Extra), Aggregate: true),
        new("Answers_use_the_schema_types", Section, "every value has its schema's JSON type; null only where allowed", c => Judge(c, SchemaProblemKind.Type), Aggregate: true),
        new("Panel_info_names_user_login_url", PanelInfoSection, "panel_info carries user_login_url (a string or null), never user_login_url_template", UserLoginUrl),
        new("Panel_info_sends_supported_cl_features", PanelInfoSection, "panel_info carries supported_cl_features: an object of booleans with known keys", SupportedFeatures),
    ];

    private static Findings Judge(CheckContext context, SchemaProblemKind kind)
    {
        var findings = new Findings();
        foreach (var call in context.Calls.All.Where(c => c.ExpectedOk && c.IsOk))
        {
            if (Schemas.For(call.Call.Script, call.Call.Args) is not { } shape)
                continue;
            var problems = shape.Validate(call.Answer.Data).Where(p => p.Kind == kind).ToList();
            if (problems.Count == 0)
            {
                findings.Pass();
                continue;
            }

            var shown = string.Join("; ", problems.Take(3).Select(p => p.Detail));
            findings.Fail(problems.Count > 3 ? $"{shown} (and {problems.Count - 3} more in this answer)" : shown, call);
        }

        findings.PassMessage = "every ok answer matches its schema in this respect";
        findings.NothingToJudge("no ok answer to judge");
        return findings;
    }

    private static Findings UserLoginUrl(CheckContext context)
    {
        var answer = context.Baseline.PanelInfo;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var data = answer.Data;
        if (data.TryGetProperty("user_login_url_template", out _))
            findings.Fail("panel_info carries user_login_url_template; CloudLinux reads user_login_url", answer.Call);
        if (!data.TryGetProperty("user_login_url", out var url))
            findings.Fail("panel_info has no user_login_url (send null when there is none)", answer.Call);
        else if (url.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            findings.Fail($"user_login_url is {Json.Short(url, 60)}, not a string or null", answer.Call);
        else if (!findings.HasFailures)
            findings.Pass(answer.Call, $"user_login_url = {Json.Short(url, 100)}");
        return findings;
    }

    private static Findings SupportedFeatures(CheckContext context)
    {
        var answer = context.Baseline.PanelInfo;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        if (!answer.Data.TryGetProperty("supported_cl_features", out var features) || features.ValueKind == JsonValueKind.Null)
        {
            findings.Fail("supported_cl_features is missing: CloudLinux then assumes every feature is supported", answer.Call);
            return findings;
        }

        if (features.ValueKind != JsonValueKind.Object)
        {
            findings.Fail($"supported_cl_features is {Json.Short(features, 60)}, not an object", answer.Call);
            return findings;
        }

        foreach (var feature in features.EnumerateObject())
        {
            if (!Grammar.ClFeatures.Contains(feature.Name))
                findings.Fail($"supported_cl_features.{feature.Name} is not a feature CloudLinux knows ({string.Join(", ", Grammar.ClFeatures)})", answer.Call);
            else if (feature.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                findings.Fail($"supported_cl_features.{feature.Name} is {Json.Short(feature.Value, 40)}, not true or false", answer.Call);
        }

        if (!findings.HasFailures)
            findings.Pass(answer.Call, $"{features.EnumerateObject().Count(f => f.Value.ValueKind == JsonValueKind.True)} of {features.EnumerateObject().Count()} listed features on");
        return findings;
    }
}
