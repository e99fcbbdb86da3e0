using System.Text;
using Cpvendor.Conformance.Running;
using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 3, ui_user_info: identity comes from the token the panel issued; a token
/// nobody issued must not yield anyone's identity. Run as root, so that a script that wrongly falls
/// back to the OS user would answer with root's identity here.
/// </summary>
internal static class UiUserInfoCheck
{
    public static Findings FailsClosed(CheckContext context)
    {
        if (context.Config.UiUserInfoCommand() is not { } command)
            return Findings.Skipped("integration.ini names no usable ui_user_info");
        var token = "cpvendor-check-" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var argv = command.Append(token).ToList();
        var outcome = ChildProcess.Run(argv, new ChildOptions { Timeout = context.Options.Timeout });
        var findings = new Findings();
        var stdout = outcome.Stdout.Trim();
        var evidence = $"$ {ShellQuote.Join(argv)}  ->  exit {outcome.ExitCode}, stdout {CallResult.Excerpt(outcome.StdoutBytes, 160)}{(outcome.Stderr.Length > 0 ? ", stderr " + CallResult.Excerpt(Encoding.UTF8.GetBytes(outcome.Stderr), 160) : "")}";
        findings.Note(evidence);
        if (outcome.StartError is { } error)
            findings.Fail(error);
        else if (outcome.TimedOut)
            findings.Fail("timed out");
        else if (!IsEmptyObject(stdout))
            findings.Fail($"printed {CallResult.Excerpt(outcome.StdoutBytes, 80)} for a token nobody issued; {{}} is due");
        else if (outcome.ExitCode == 0)
            findings.Fail("printed {} but exited 0; a non-zero exit is due");
        else
            findings.Pass();
        return findings;
    }

    private static bool IsEmptyObject(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && !document.RootElement.EnumerateObject().Any();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
