using System.CommandLine;
using Cpvendor.Conformance;
using Cpvendor.Conformance.Preflight;
using Cpvendor.Core;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor check [--ini PATH] [--as-user NAME]... [--as-admin NAME]... [--ui-token TOKEN] [--format text|json|junit|html] [--out FILE] [--timeout SECONDS] [--slow SECONDS]</c>:
/// judges any vendor's integration as CloudLinux runs it. Exit 0 when nothing failed, 1 when a check
/// failed, 2 when the checker could not run, 6 when root was asked to run an ini or program a user can
/// change (docs/contract.md section 6).
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var ini = new Option<string>("--ini") { Description = "The integration.ini to judge", DefaultValueFactory = _ => CheckerOptions.DefaultIni };
        var asUser = new Option<string[]>("--as-user") { Description = "An existing UNIX end user to run the scripts as (repeatable; needs root)", AllowMultipleArgumentsPerToken = false };
        var asAdmin = new Option<string[]>("--as-admin") { Description = "An existing UNIX account that must see everything: an administrator's, or a service account such as imunify360 (repeatable; needs root)", AllowMultipleArgumentsPerToken = false };
        var uiToken = new Option<string?>("--ui-token") { Description = "A ui_user_info token your panel issued: its answer is judged" };
        var only = new Option<string[]>("--only") { Description = "Run only this check (repeatable); the others are skipped", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format") { Description = "Report format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "junit", "html");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of stdout" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds a call may take before it is killed", DefaultValueFactory = _ => 30 };
        var slow = new Option<double>("--slow") { Description = "Seconds above which a call is reported as slow (a warning)", DefaultValueFactory = _ => 1.0 };
        var allowUntrusted = new Option<bool>("--allow-untrusted") { Description = "Run, as root, an ini or programs that a user other than root can change (exit 6 otherwise)" };
        var command = new Command("check", "Judge an integration (any vendor, any language) the way CloudLinux runs it, and report every deviation.")
        {
            ini, asUser, asAdmin, uiToken, only, format, outFile, timeout, slow, allowUntrusted,
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 3600)
                result.AddError("--timeout must be between 1 and 3600 seconds");
        });
        slow.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and <= 3600))
                result.AddError("--slow must be more than 0 and at most 3600 seconds");
        });
        command.SetAction(result =>
        {
            var options = new CheckerOptions(result.GetValue(ini)!)
            {
                AsUsers = result.GetValue(asUser) ?? [],
                AsAdmins = result.GetValue(asAdmin) ?? [],
                UiToken = result.GetValue(uiToken),
                Only = result.GetValue(only) ?? [],
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
                SlowCall = TimeSpan.FromSeconds(result.GetValue(slow)),
                AllowUntrusted = result.GetValue(allowUntrusted),
            };
            var error = result.InvocationConfiguration.Error;
            if (!result.GetValue(allowUntrusted) && TrustPreflight.Refusal(options.IniPath) is { } refusal)
            {
                error.WriteLine($"cpvendor check: refusing to run its scripts as root: {refusal}; make it root's alone, run the check as another user, or pass --allow-untrusted");
                return ExitCodes.Untrusted;
            }

            var showProgress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var report = Checker.Run(options, showProgress ? (done, total, name) => Progress(error, done, total, name) : null);

            var target = result.GetValue(outFile);
            var chosen = result.GetValue(format) switch
            {
                "json" => ReportFormat.Json,
                "junit" => ReportFormat.Junit,
                "html" => ReportFormat.Html,
                _ => ReportFormat.Text,
            };
            if (target is not null)
            {
                using (var file = new StreamWriter(target.FullName, append: false, new System.Text.UTF8Encoding(false)))
                    ReportWriter.Write(report, chosen, file);
                result.Out().WriteLine($"{report.Verdict}: {report.Count(CheckStatus.Fail)} failed, {report.Count(CheckStatus.Warn)} warned, {report.Count(CheckStatus.Skip)} skipped of {report.Results.Count}; report in {target.FullName}");
            }
            else
            {
                var colour = chosen == ReportFormat.Text && ReferenceEquals(result.Out(), Console.Out) && !Console.IsOutputRedirected
                    && Environment.GetEnvironmentVariable("NO_COLOR") is null;
                ReportWriter.Write(report, chosen, result.Out(), colour);
            }

            if (report.Aborted is not null)
                error.WriteLine($"cpvendor check: {report.Aborted}");
            return report.ExitCode;
        });
        return command;
    }

    private static void Progress(TextWriter error, int done, int total, string name)
    {
        var line = name.Length == 0 ? "" : $"[{done + 1}/{total}] {name}";
        error.Write("\r\u001b[2K" + line);
        error.Flush();
    }
}
