using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 1: "admins" are root, the UNIX accounts of the panel's administrators
/// and trusted service accounts (Imunify360 runs the scripts as imunify360). Each <c>--as-admin</c>
/// account must get root's full answer from every script it reads. The db_info password may stay
/// root-only (section 6 keeps the secret to admins, and a panel may keep it to root): that is
/// reported as a note, not a failure.
/// </summary>
internal static class TrustedAccountChecks
{
    public static IEnumerable<CheckDefinition> All =>
    [
        new("Trusted_accounts_get_full_answers", IniChecks.CallersSection, "each --as-admin account gets root's answer from every script", FullAnswers),
    ];

    private static Findings FullAnswers(CheckContext context)
    {
        if (context.TrustedAccounts.Count == 0)
            return Findings.Skipped("no trusted account given: run with --as-admin NAME (an administrator's UNIX account, or a service account such as imunify360)");
        var findings = new Findings();
        foreach (var account in context.TrustedAccounts)
        {
            foreach (var grammar in Grammar.Scripts)
            {
                var script = grammar.Script;
                var root = context.Call(script, CallExpectation.Ok);
                var call = context.CallAs(account, script, CallExpectation.Ok);
                if (call is null || root is null)
                    continue;
                if (!call.IsEnvelope)
                {
                    findings.NotJudged(call, "Every_answer_is_an_envelope");
                    continue;
                }

                if (script == "db_info" && call.Answer.Result == ResultKind.PermissionDenied.WireName())
                {
                    findings.Pass(call, $"db_info is kept to root for {account.Name}: allowed, the password is a secret (docs/contract.md section 6)");
                    continue;
                }

                if (call.Answer.Result != "ok")
                    findings.Fail($"{account.Name} (uid {account.Uid}) gets {Words.WithArticle(call.Answer.Result)} ({call.Answer.MessageText}) from {script}; an admin account must get root's answer", call);
                else if (root.IsOk && Json.Canonical(call.Answer.Data) != Json.Canonical(root.Answer.Data))
                    findings.Fail($"{account.Name} (uid {account.Uid}) gets other data from {script} than root: {Json.Short(call.Answer.Data, 120)}", call);
                else
                    findings.Pass(call, $"{account.Name} gets root's answer from {script}");
            }
        }

        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }
}
