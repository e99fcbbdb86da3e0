using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// Collects what a check saw and turns it into a result: any failure fails the check, else any
/// warning warns, else it passes when it judged something and is skipped (with the reason) when it
/// judged nothing. Evidence keeps the problems first and a few passing calls for context.
/// </summary>
internal sealed class Findings
{
    private const int MaxProblems = 12;
    private const int MaxPassing = 4;

    private readonly List<string> problems = [];
    private readonly List<string> passing = [];
    private readonly List<string> notes = [];
    private readonly HashSet<string> shownCalls = new(StringComparer.Ordinal);
    private int failures;
    private int warnings;
    private int judged;
    private string? firstFailure;
    private string? firstWarning;
    private string? skipReason;
    private int notJudged;
    private string? notJudgedOwner;

    public static Findings Skipped(string reason) => new() { skipReason = reason };

    /// <summary>The check looked at something that conforms.</summary>
    public void Pass(CallResult? call = null, string? detail = null)
    {
        judged++;
        if (passing.Count >= MaxPassing * 3)
            return;
        if (call is not null && shownCalls.Add(call.Call.Key))
            passing.AddRange(call.Evidence(160));
        if (detail is not null)
            passing.Add("  ok: " + detail);
    }

    public void Fail(string detail, CallResult? call = null)
    {
        firstFailure ??= detail;
        Problem(ref failures, "FAIL", detail, call);
    }

    public void Warn(string detail, CallResult? call = null)
    {
        firstWarning ??= detail;
        Problem(ref warnings, "WARN", detail, call);
    }

    /// <summary>A line of context shown whatever the outcome (measurements, what was compared).</summary>
    public void Note(string line) => notes.Add(line);

    /// <summary>A call this check wanted to judge but another check owns (not an envelope, say).</summary>
    public void NotJudged(CallResult call, string owner)
    {
        notJudged++;
        notJudgedOwner = owner;
        notes.Add($"not judged here ({owner} covers it): {(call.CommandLine.Length > 0 ? call.CommandLine : call.Call.Display)}");
    }

    /// <summary>Records that the check had nothing to look at, and why.</summary>
    public void NothingToJudge(string reason) => skipReason ??= reason;

    public bool HasFailures => failures > 0;

    /// <summary>What a pass says; the check's summary when not set.</summary>
    public string? PassMessage { get; set; }

    public CheckResult ToResult(CheckDefinition check) => Result(check) with { LeavesNoAnswer = check.LeavesNoAnswer };

    private CheckResult Result(CheckDefinition check)
    {
        var evidence = new List<string>();
        evidence.AddRange(problems);
        if (failures + warnings > MaxProblems)
            evidence.Add($"... and {failures + warnings - MaxProblems} more");
        evidence.AddRange(notes.Take(20));
        if (failures + warnings == 0)
            evidence.AddRange(passing.Take(MaxPassing * 3));
        if (failures > 0)
            return new(check.Name, check.Section, CheckStatus.Fail, Count(failures, firstFailure!), evidence);
        if (warnings > 0)
            return new(check.Name, check.Section, CheckStatus.Warn, Count(warnings, firstWarning!), evidence);
        if (judged == 0 && notJudged > 0)
            return new(check.Name, check.Section, CheckStatus.Skip, (notJudged == 1 ? "its only answer could not be judged here" : $"none of its {notJudged} answers could be judged here") + $": {notJudgedOwner} reports {(notJudged == 1 ? "it" : "them")}", evidence);
        if (judged == 0)
            return new(check.Name, check.Section, CheckStatus.Skip, skipReason ?? "nothing to judge", evidence);
        return new(check.Name, check.Section, CheckStatus.Pass, PassMessage ?? check.Summary, evidence);
    }

    private void Problem(ref int counter, string label, string detail, CallResult? call)
    {
        counter++;
        judged++;
        if (failures + warnings > MaxProblems)
            return;
        if (call is not null && shownCalls.Add(call.Call.Key))
            problems.AddRange(call.Evidence());
        problems.Add($"  {label}: {detail}");
    }

    private static string Count(int count, string first) => count == 1 ? first : $"{first} (and {count - 1} more)";
}
