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

    public CallLog(IntegrationConfig config, TimeSpan timeout)
    {
        this.config = config;
        this.timeout = timeout;
    }

    /// <summary>A script that hangs this often is not called again: a run must end in minutes, not hours.</summary>
    public const int MaxTimeouts = 2;

    public IReadOnlyList<CallResult> All => all;

    /// <summary>Runs a call (or returns the earlier result); null when the ini gives no command for the script.</summary>
    public CallResult? Run(ScriptCall call, CallExpectation expectation)
    {
        if (!byKey.TryGetValue(call.Key, out var result))
        {
            var command = config.Command(call.Script);
            if (command is null)
                return null;
            var argv = Argv(call, command);
            var outcome = timeouts.GetValueOrDefault(call.Script) >= MaxTimeouts
                ? new ChildResult([], "", -1, TimeSpan.Zero, false, $"not run: {call.Script} already timed out {MaxTimeouts} times")
                : ChildProcess.Run(argv, new ChildOptions { Timeout = timeout });
            if (outcome.TimedOut)
                timeouts[call.Script] = timeouts.GetValueOrDefault(call.Script) + 1;
            result = new CallResult(call, argv, outcome);
            byKey[call.Key] = result;
            all.Add(result);
        }

        if (expectation == CallExpectation.Ok)
            result.ExpectedOk = true;
        if (expectation == CallExpectation.Probe)
            result.IsProbe = true;
        return result;
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

        argv.AddRange(command);
        argv.AddRange(call.Args);
        return argv;
    }
}
