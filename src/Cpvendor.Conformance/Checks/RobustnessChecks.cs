using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 2: "a crash ... still a valid envelope". Odd values of known options (huge,
/// control characters, quotes, bytes that are not UTF-8, empty) must still produce one JSON answer.
/// These probes are judged here only; their envelope shape and stderr by the every-answer checks.
/// </summary>
internal static class RobustnessChecks
{
    public static IEnumerable<CheckDefinition> All =>
    [
        new("Odd_input_still_gets_one_json_answer", EnvelopeChecks.Section, "huge, binary, empty or shell-like values still get exactly one JSON answer", OddInput),
        new("Every_call_answers_quickly", IniChecks.CallersSection, "no call takes longer than the slow-call threshold (1 s unless set)", Speed, Aggregate: true),
    ];

    private static Findings OddInput(CheckContext context)
    {
        var findings = new Findings();
        var probes = new (string Script, string[] Args)[]
        {
            ("users", ["--username=" + new string('a', 65536)]),
            ("domains", ["--name=\u00e9\u0001\"'`$(id)\n;|&*?\u202e\U0001F600"]),
            ("admins", ["--name=\uFFFD\tx"]),
            ("resellers", ["--name="]),
            ("users", ["--unix-id=99999999999999999999"]),
            ("domains", ["--owner=-"]),
            ("users", ["--fields="]),
            ("packages", ["--owner=%s%n%x{}[]"]),
        };
        foreach (var (script, args) in probes)
            Judge(findings, context.Calls.Run(new ScriptCall(script, args), CallExpectation.Probe));
        // Not UTF-8: a stray continuation byte, a cut sequence, an encoded surrogate.
        Judge(findings, context.CallRaw("packages", [], [.. "--owner="u8.ToArray(), 0xff, 0xfe, 0xc3, 0x28]));
        Judge(findings, context.CallRaw("domains", [], [.. "--name="u8.ToArray(), 0xed, 0xa0, 0x80, .. ".example"u8.ToArray()]));
        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }

    private static void Judge(Findings findings, CallResult? call)
    {
        if (call is null || !call.Completed)
            return;
        if (call.Answer.JsonError is { } error)
            findings.Fail(error, call);
        else if (call.Answer.Result == "InternalAPIError")
            findings.Warn("odd input made the script fail internally; BadRequest or NotFound would say what is wrong", call);
        else
            findings.Pass(call);
    }

    private static Findings Speed(CheckContext context)
    {
        var findings = new Findings();
        var threshold = context.Options.SlowCall;
        var completed = context.Calls.All.Where(c => c.Completed).ToList();
        foreach (var group in completed.GroupBy(c => c.Call.Script).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var slowest = group.MaxBy(c => c.Elapsed)!;
            var largest = group.Max(c => c.Stdout.Length);
            findings.Note($"{group.Key,-10} {group.Count(),4} calls, median {Median(group):0} ms, slowest {slowest.Elapsed.TotalMilliseconds:0} ms, largest answer {CallResult.Size(largest)}");
        }

        foreach (var call in completed)
        {
            if (call.Elapsed > threshold)
                findings.Warn($"took {call.Elapsed.TotalMilliseconds:0} ms, over the {threshold.TotalMilliseconds:0} ms threshold", call);
            else
                findings.Pass();
        }

        findings.PassMessage = $"{completed.Count} calls, all under {threshold.TotalMilliseconds:0} ms";
        findings.NothingToJudge("no call completed");
        return findings;
    }

    private static double Median(IEnumerable<CallResult> calls)
    {
        var times = calls.Select(c => c.Elapsed.TotalMilliseconds).Order().ToList();
        return times[times.Count / 2];
    }
}
