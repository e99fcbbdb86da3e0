using Cpvendor.Core;

namespace Cpvendor.Conformance;

/// <summary>
/// Everything one run of the checker found. When the checker could not run at all (the ini is
/// missing, a user named by <c>--as-user</c> does not exist) <see cref="Aborted"/> says why and there
/// are no results.
/// </summary>
public sealed record ConformanceReport(
    string IniPath,
    DateTimeOffset Started,
    TimeSpan Duration,
    int Calls,
    IReadOnlyList<CheckResult> Results,
    string? Aborted = null)
{
    public int Count(CheckStatus status) => Results.Count(r => r.Status == status);

    /// <summary>The failures grouped by cause, the largest group first.</summary>
    public IReadOnlyList<Cause> Causes => Cause.Of(Results);

    /// <summary>0: no failure; 1: at least one check failed; 2: the checker could not run.</summary>
    public int ExitCode => Aborted is not null ? ExitCodes.CheckAborted : Count(CheckStatus.Fail) > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;

    public string Verdict => Aborted is not null
        ? "the checker could not run: " + Aborted
        : Count(CheckStatus.Fail) > 0
            ? "does not conform"
            : Count(CheckStatus.Warn) > 0 ? "conforms, with warnings" : "conforms";

    public static ConformanceReport Abort(string iniPath, DateTimeOffset started, string reason) =>
        new(iniPath, started, DateTimeOffset.UtcNow - started, 0, [], reason);
}
