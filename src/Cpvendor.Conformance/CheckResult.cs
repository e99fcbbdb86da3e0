namespace Cpvendor.Conformance;

/// <summary>
/// The verdict of one check: its sentence-like name, the docs/contract.md section it enforces, the
/// status, a one-line message (what was wrong, or why it was skipped) and the evidence: the calls
/// made and the parts of the answers that matter.
/// </summary>
public sealed record CheckResult(string Name, string Section, CheckStatus Status, string Message, IReadOnlyList<string> Evidence)
{
    /// <summary>
    /// The check fails calls that left nothing to judge (not run to the end, not JSON, not an
    /// envelope), so it explains the other failures seen on those calls alone.
    /// </summary>
    public bool LeavesNoAnswer { get; init; }
}
