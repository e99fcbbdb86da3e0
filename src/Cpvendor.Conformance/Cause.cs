namespace Cpvendor.Conformance;

/// <summary>
/// One cause behind failures: the check that names it and the failing checks that are its
/// consequences, so a vendor reads the behaviour once, with what follows from it under it. A check
/// is a consequence only of an earlier one that <see cref="CheckResult.LeavesNoAnswer"/> (a traceback
/// instead of JSON also fills stderr), and only when every call its evidence shows is one that check
/// shows too. Any other failure is a cause of its own, even on calls a wider cause shares: a filter
/// dropped on <c>users --unix-id=N --fields=username</c> stays a headline beside an extra key that
/// every <c>--fields</c> answer carries.
/// </summary>
public sealed record Cause(CheckResult Headline, IReadOnlyList<CheckResult> Consequences)
{
    /// <summary>Groups the failed checks of a report, in report order, the largest group first.</summary>
    public static IReadOnlyList<Cause> Of(IReadOnlyList<CheckResult> results)
    {
        var failed = results.Where(r => r.Status == CheckStatus.Fail).ToList();
        var groups = new List<(CheckResult Headline, HashSet<string> Calls, List<CheckResult> Consequences)>();
        foreach (var result in failed)
        {
            var calls = Calls(result);
            var host = groups.FindIndex(g => g.Headline.LeavesNoAnswer && calls.Count > 0 && calls.IsSubsetOf(g.Calls));
            if (host >= 0)
                groups[host].Consequences.Add(result);
            else
                groups.Add((result, calls, []));
        }

        return groups
            .Select(g => new Cause(g.Headline, g.Consequences))
            .OrderByDescending(c => c.Consequences.Count)
            .ThenBy(c => failed.IndexOf(c.Headline))
            .ToList();
    }

    private static HashSet<string> Calls(CheckResult result) =>
        result.Evidence.Where(e => e.StartsWith("$ ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
}
