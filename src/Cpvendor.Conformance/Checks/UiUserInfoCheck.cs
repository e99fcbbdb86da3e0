using System.Text;
using System.Text.Json;
using Cpvendor.Conformance.Running;
using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 3, ui_user_info: identity comes from the token the panel issued, never
/// from the OS user or the environment. Tokens nobody issued are tried as root, as each end user,
/// and with a hostile environment (LOGNAME, USER and HOME naming root or another user): each must
/// give <c>{}</c> and a non-zero exit. A token the vendor hands over (<c>--ui-token</c>) must give
/// exactly the seven keys.
/// </summary>
internal static class UiUserInfoCheck
{
    private static readonly string[] Keys = ["userName", "userId", "userType", "baseUri", "assetsUri", "lang", "userDomain"];

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Ui_user_info_fails_closed_for_an_unknown_token", "§3 ui_user_info", "ui_user_info with tokens nobody issued (hex, base64url, JWT-like, garbage), as root, as end users and with LOGNAME/USER/HOME naming someone else, prints {} and exits non-zero", FailsClosed),
        new("Ui_user_info_answers_an_issued_token", "§3 ui_user_info", "ui_user_info with the --ui-token the panel issued prints exactly the seven keys, with a valid userId and userType", AnswersIssuedToken),
    ];

    private sealed record Run(string Line, ChildResult Outcome)
    {
        public string Evidence => $"$ {Line}\n  exit {Outcome.ExitCode}, stdout: {CallResult.Excerpt(Outcome.StdoutBytes, 200)}{(Outcome.Stderr.Length > 0 ? "\n  stderr: " + CallResult.Excerpt(Encoding.UTF8.GetBytes(Outcome.Stderr), 400) : "")}";
    }

    private static Run Execute(CheckContext context, IReadOnlyList<string> command, string token, RunAs? user, IReadOnlyList<KeyValuePair<string, string>> environment)
    {
        var argv = (user?.Prefix() ?? []).Concat(ProgramWord.Resolve(command)).Append(token).ToList();
        var line = (user is null ? "" : $"[as {user.Name}] ") + string.Concat(environment.Select(e => $"{e.Key}={ShellQuote.Quote(e.Value)} ")) + ShellQuote.Join(command.Append(token));
        return new Run(line, ChildRun.Of(argv, context.Options.Timeout, environment, context.Options.AllowUntrusted));
    }

    private static Findings FailsClosed(CheckContext context)
    {
        if (context.Config.UiUserInfoCommand() is not { } command)
            return Findings.Skipped("integration.ini names no usable ui_user_info");
        var findings = new Findings();
        var tokens = UiTokens.Unknown();
        foreach (var (shape, token) in tokens)
            Judge(findings, Execute(context, command, token, null, []), $"a {shape} token, as root");

        if (context.IsRoot)
        {
            var names = context.Baseline.Usernames.Concat(context.Baseline.ResellerNames).ToList();
            for (var i = 0; i < context.EndUsers.Count; i++)
            {
                var user = context.EndUsers[i];
                var mine = context.Baseline.UsernamesOf(user.Uid);
                var other = names.FirstOrDefault(n => !mine.Contains(n) && n != user.Name) ?? "root";
                var cases = new (string What, IReadOnlyList<KeyValuePair<string, string>> Environment)[]
                {
                    ("its own environment", []),
                    ("LOGNAME, USER and HOME naming root", Hostile("root", "/root")),
                    ($"LOGNAME, USER and HOME naming {other}", Hostile(other, "/home/" + other)),
                };
                for (var c = 0; c < cases.Length; c++)
                {
                    var (shape, token) = tokens[(i + c + 1) % tokens.Count];
                    Judge(findings, Execute(context, command, token, user, cases[c].Environment), $"a {shape} token, as {user.Name} with {cases[c].What}");
                }
            }
        }

        return findings;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Hostile(string name, string home) =>
        [new("LOGNAME", name), new("USER", name), new("HOME", home)];

    private static void Judge(Findings findings, Run run, string what)
    {
        var outcome = run.Outcome;
        var stdout = outcome.Stdout.Trim();
        if (outcome.StartError is { } error)
            findings.Fail(error);
        else if (outcome.TimedOut)
            findings.Fail($"timed out on {what}");
        else if (!IsEmptyObject(stdout))
            findings.Fail($"a token nobody issued got an answer ({what}): {CallResult.Excerpt(outcome.StdoutBytes, 120)}; {{}} and a non-zero exit are due, identity comes from the token alone");
        else if (outcome.ExitCode == 0)
            findings.Fail($"printed {{}} but exited 0 ({what}); a non-zero exit is due");
        else
        {
            findings.Pass(detail: $"{{}} and exit {outcome.ExitCode} for {what}");
            return;
        }

        foreach (var line in run.Evidence.Split('\n'))
            findings.Note(line);
    }

    private static Findings AnswersIssuedToken(CheckContext context)
    {
        if (context.Options.UiToken is not { } token)
            return Findings.Skipped("no issued token given: run with --ui-token TOKEN (one your panel issued for LVE Manager)");
        if (context.Config.UiUserInfoCommand() is not { } command)
            return Findings.Skipped("integration.ini names no usable ui_user_info");
        var run = Execute(context, command, token, null, []);
        var findings = new Findings();
        foreach (var line in run.Evidence.Replace(token, "<the --ui-token>", StringComparison.Ordinal).Split('\n'))
            findings.Note(line);
        if (run.Outcome.ExitCode != 0)
            findings.Fail($"exited {run.Outcome.ExitCode} for a token the panel issued");
        JsonElement info;
        try
        {
            using var document = JsonDocument.Parse(run.Outcome.Stdout);
            info = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            findings.Fail("stdout is not one JSON document: " + e.Message);
            return findings;
        }

        if (info.ValueKind != JsonValueKind.Object)
        {
            findings.Fail($"printed a JSON {Answer.Kind(info)}, not an object");
            return findings;
        }

        var names = info.EnumerateObject().Select(p => p.Name).ToList();
        var missing = Keys.Where(k => !names.Contains(k)).ToList();
        var extra = names.Where(n => !Keys.Contains(n)).ToList();
        if (missing.Count > 0)
            findings.Fail($"keys missing: {string.Join(", ", missing)}");
        if (extra.Count > 0)
            findings.Fail($"keys beyond the seven of the contract: {string.Join(", ", extra)}");
        var type = Json.Str(info, "userType");
        if (type is not ("user" or "reseller" or "admin"))
            findings.Fail($"userType is {(info.TryGetProperty("userType", out var t) ? Json.Short(t, 40) : "missing")}, not user, reseller or admin");
        if (!info.TryGetProperty("userId", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out var uid) || uid is < 0 or > uint.MaxValue)
            findings.Fail($"userId is {(info.TryGetProperty("userId", out var u) ? Json.Short(u, 40) : "missing")}, not a whole number 0..4294967295");
        else if (type == "user" && Json.Str(info, "userName") is { } name && context.Baseline.Users.Unusable is null
            && context.Baseline.Users.Items.FirstOrDefault(x => Json.Str(x, "username") == name) is { ValueKind: JsonValueKind.Object } user
            && Json.Long(user, "id") != uid)
            findings.Fail($"userId {uid} is not the id users gives {name} ({Json.Long(user, "id")})");
        if (!findings.HasFailures)
            findings.Pass(detail: $"{Json.Str(info, "userType")} {Json.Str(info, "userName")} (userId {Json.Short(id, 20)}) with exactly the seven keys");
        return findings;
    }

    private static bool IsEmptyObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && !document.RootElement.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
