using Cpvendor.Conformance.Ini;
using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// Every call of a run, made at most once each (many checks read the same answer), in the order
/// they were made, so the aggregate checks can judge every answer the vendor gave.
/// </summary>
internal sealed class CallLog
{
    private readonly Dictionary<string, CallResult> byKey = new(StringComparer.Ordinal);
    private readonly List<CallResult> all = [];
    private readonly Dictionary<string, int> timeouts = new(StringComparer.Ordinal);
    private readonly IntegrationConfig config;
    private readonly TimeSpan timeout;
    private readonly bool allowUntrusted;

    public CallLog(IntegrationConfig config, TimeSpan timeout, bool allowUntrusted = false)
    {
        this.config = config;
        this.timeout = timeout;
        this.allowUntrusted = allowUntrusted;
    }

    /// <summary>A script that hangs this often is not called again: a run must end in minutes, not hours.</summary>
    public const int MaxTimeouts = 2;

    public IReadOnlyList<CallResult> All => all;

    /// <summary>When set, sees every call start and end (side effects of questions are tied to their call).</summary>
    public HostWatch? Watch { get; set; }

    /// <summary>Runs a call (or returns the earlier result); null when the ini gives no command for the script.</summary>
    public CallResult? Run(ScriptCall call, CallExpectation expectation)
    {
        if (!byKey.TryGetValue(call.Key, out var result))
        {
            var command = config.Command(call.Script);
            if (command is null)
                return null;
            result = Execute(call, command);
            byKey[call.Key] = result;
            all.Add(result);
        }

        if (expectation == CallExpectation.Ok)
            result.ExpectedOk = true;
        if (expectation == CallExpectation.Probe)
            result.IsProbe = true;
        return result;
    }

    /// <summary>
    /// Runs a call that no aggregate check judges and no other check shares (a canary run, a
    /// hostile environment): fresh each time, not in <see cref="All"/>; null without a command.
    /// </summary>
    public CallResult? RunAside(ScriptCall call) =>
        config.Command(call.Script) is { } command ? Execute(call, command) : null;

    private CallResult Execute(ScriptCall call, IReadOnlyList<string> command)
    {
        var argv = Argv(call, command);
        Watch?.Mark();
        var outcome = timeouts.GetValueOrDefault(call.Script) >= MaxTimeouts
            ? new ChildResult([], "", -1, TimeSpan.Zero, false, $"not run: {call.Script} already timed out {MaxTimeouts} times")
            : ChildRun.Of(argv, timeout, call.Environment, allowUntrusted);
        if (outcome.TimedOut)
            timeouts[call.Script] = timeouts.GetValueOrDefault(call.Script) + 1;
        var result = new CallResult(call, argv, outcome) { CommandLine = CommandLine(call, command) };
        Watch?.Settle(result);
        return result;
    }

    /// <summary>How a report shows the call: what CloudLinux runs, not the checker's privilege drop.</summary>
    public static string CommandLine(ScriptCall call, IReadOnlyList<string> command)
    {
        var sb = new System.Text.StringBuilder();
        if (call.User is not null)
            sb.Append("[as ").Append(call.User.Name).Append("] ");
        foreach (var (name, value) in call.Environment ?? [])
            sb.Append(name).Append('=').Append(ShellQuote.Quote(value)).Append(' ');
        sb.Append(ShellQuote.Join(command.Concat(call.Args)));
        if (call.RawLastArgument is not null)
            sb.Append(' ').Append(ShellQuote.QuoteBytes(call.RawLastArgument));
        return sb.ToString();
    }

    private static List<string> Argv(ScriptCall call, IReadOnlyList<string> command)
    {
        var argv = new List<string>();
        if (call.User is not null)
            argv.AddRange(call.User.Prefix());
        if (call.RawLastArgument is not null)
        {
            // A .NET string cannot hold bytes that are not UTF-8: sh's printf writes them into the last argument.
            var octal = string.Concat(call.RawLastArgument.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
            argv.AddRange(["/bin/sh", "-c", $"exec \"$@\" \"$(printf '{octal}')\"", "sh"]);
        }

        argv.AddRange(ProgramWord.Resolve(command));
        argv.AddRange(call.Args);
        return argv;
    }
}
