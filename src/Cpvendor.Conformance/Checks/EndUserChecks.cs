using System.Text.Json;
using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md sections 1, 3 (domains) and 6: scripts run as each <c>--as-user</c> UNIX user with
/// that user's real uid, gid and groups. An end user's own domains are those of the panel users
/// whose id is their uid, as root's <c>users</c> answer says.
/// </summary>
internal static class EndUserChecks
{
    public const string Section = "§1 Who calls what, §6 Security";
    public const string DomainsSection = "§3 domains, §6 Security";

    private static readonly string[] AdminOnly = ["db_info", "packages", "users", "resellers", "admins", "php"];

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Panel_info_answers_end_users", Section, "panel_info run by an end user answers ok", PanelInfo),
        new("Domains_answers_end_users", DomainsSection, "domains run by an end user answers an ok envelope (a crash here breaks every selector for them)", DomainsAnswers),
        new("Domains_as_end_user_hides_foreign_domains", DomainsSection, "domains run by an end user lists none of anyone else's domains", HidesForeign),
        new("Domains_as_end_user_lists_all_own_domains", DomainsSection, "domains run by an end user lists every domain of theirs, as root sees it", ListsOwn),
        new("Domains_as_end_user_denies_foreign_owner", DomainsSection, "domains --owner=someone-else is PermissionDenied, whether that someone exists or not", DeniesForeignOwner),
        new("Domains_as_end_user_denies_foreign_domain", DomainsSection, "domains --name=not-theirs is PermissionDenied, whether the domain exists or not", DeniesForeignDomain),
        new("Domains_as_end_user_allows_own_owner_and_name", DomainsSection, "domains --owner=self and --name=own-domain work for an end user", AllowsOwn),
        new("Admin_only_scripts_deny_end_users", Section, "db_info, packages, users, resellers, admins and php are PermissionDenied for end users", DeniesAdminOnly),
    ];

    private static Findings PanelInfo(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var call = context.CallAs(user, "panel_info", CallExpectation.Ok);
        if (call is null)
            return;
        if (!call.IsEnvelope)
            findings.NotJudged(call, "Every_answer_is_an_envelope");
        else if (call.Answer.Result != "ok")
            findings.Fail($"answered {call.Answer.Result} ({call.Answer.MessageText}): panel_info must work for every user, inside CageFS too", call);
        else
            findings.Pass(call);
    });

    /// <summary>The domains counterpart of the panel_info check: a crash for end users is a failure, with its traceback.</summary>
    private static Findings DomainsAnswers(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var call = context.CallAs(user, "domains", CallExpectation.Ok);
        if (call is null)
            return;
        if (!call.IsEnvelope)
            findings.Fail($"domains run by {user.Name} gives no envelope ({call.Answer.JsonError ?? call.Answer.EnvelopeError}): CloudLinux's selectors cannot work for them", call);
        else if (call.Answer.Result != "ok")
            findings.Fail($"answered {call.Answer.Result} ({call.Answer.MessageText}): domains must answer every user their own domains", call);
        else
            findings.Pass(call);
    });

    private static Findings HidesForeign(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var (own, call) = OwnAndAnswer(context, user, findings);
        if (call is null)
            return;
        var foreign = call.Answer.Data.EnumerateObject().Where(d => !own.ContainsKey(d.Name)).ToList();
        if (foreign.Count > 0)
            findings.Fail($"{user.Name} (uid {user.Uid}) sees {foreign.Count} domains that are not theirs: {string.Join(", ", foreign.Take(5).Select(d => $"{d.Name} (owner {Json.Str(d.Value, "owner")})"))}", call);
        else
            findings.Pass(call, $"{user.Name} sees {call.Answer.Data.EnumerateObject().Count()} domains, all theirs");
    });

    private static Findings ListsOwn(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var (own, call) = OwnAndAnswer(context, user, findings);
        if (call is null)
            return;
        var missing = own.Keys.Where(name => !call.Answer.Data.TryGetProperty(name, out _)).ToList();
        if (missing.Count > 0)
            findings.Fail($"{user.Name} does not see their own {string.Join(", ", missing.Take(5))}", call);
        else
            findings.Pass(call, $"{user.Name} sees all {own.Count} of their domains");
    });

    private static Findings DeniesForeignOwner(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var mine = context.Baseline.UsernamesOf(user.Uid);
        if (context.Baseline.Usernames.FirstOrDefault(n => !mine.Contains(n)) is { } other)
            ArgumentChecks.ExpectAs(context, findings, user, ResultKind.PermissionDenied, "domains", $"--owner={other}");
        ArgumentChecks.ExpectAs(context, findings, user, ResultKind.PermissionDenied, "domains", $"--owner={Targets.Nobody}");
    });

    private static Findings DeniesForeignDomain(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var mine = context.Baseline.UsernamesOf(user.Uid);
        if (context.Baseline.Domains.Entries.FirstOrDefault(d => !mine.Contains(Json.Str(d.Value, "owner") ?? "")).Name is { } other)
            ArgumentChecks.ExpectAs(context, findings, user, ResultKind.PermissionDenied, "domains", $"--name={other}");
        ArgumentChecks.ExpectAs(context, findings, user, ResultKind.PermissionDenied, "domains", $"--name={Targets.NoDomain}");
    });

    private static Findings AllowsOwn(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        var own = OwnDomains(context, user);
        var mine = context.Baseline.UsernamesOf(user.Uid);
        if (mine.Count == 0 || own.Count == 0)
        {
            findings.Note($"{user.Name} (uid {user.Uid}) has no panel account with domains: nothing of theirs to ask for");
            return;
        }

        var cases = new[]
        {
            new FilterCase("domains", "owner", mine[0]),
            new FilterCase("domains", "name", own.Keys.First()),
        };
        foreach (var filter in cases)
        {
            var call = context.CallAs(user, "domains", CallExpectation.Ok, filter.EqualsForm);
            if (!FilterChecks.IsOkList(findings, call, JsonValueKind.Object))
                continue;
            var expected = own.Select(d => d.Value).Where(d => FilterChecks.MatchesDomain(filter, d));
            FilterChecks.Report(findings, call!, FilterChecks.CompareDomains(expected, call!.Answer.Data, ignorePhp: false), $"{user.Name}: {filter} answered as root would");
        }
    });

    private static Findings DeniesAdminOnly(CheckContext context) => ForEachUser(context, (user, findings) =>
    {
        foreach (var script in AdminOnly)
            ArgumentChecks.ExpectAs(context, findings, user, ResultKind.PermissionDenied, script);
    });

    private static Findings ForEachUser(CheckContext context, Action<RunAs, Findings> judge)
    {
        if (context.EndUsersMissing is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var user in context.EndUsers)
            judge(user, findings);
        findings.NothingToJudge(context.Baseline.Users.Unusable ?? context.Baseline.Domains.Unusable ?? "integration.ini gives no usable command");
        return findings;
    }

    /// <summary>Root's view of this user's domains: those owned by a panel user whose id is the user's uid.</summary>
    private static Dictionary<string, JsonProperty> OwnDomains(CheckContext context, RunAs user)
    {
        var mine = context.Baseline.UsernamesOf(user.Uid);
        return context.Baseline.Domains.Entries
            .Where(d => mine.Contains(Json.Str(d.Value, "owner") ?? ""))
            .ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    private static (Dictionary<string, JsonProperty> Own, CallResult? Call) OwnAndAnswer(CheckContext context, RunAs user, Findings findings)
    {
        if (context.Baseline.Domains.Unusable is not null || context.Baseline.Users.Unusable is not null)
            return ([], null);
        var call = context.CallAs(user, "domains", CallExpectation.Ok);
        return FilterChecks.IsOkList(findings, call, JsonValueKind.Object) ? (OwnDomains(context, user), call) : ([], null);
    }
}
