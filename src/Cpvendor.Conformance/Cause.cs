namespace Cpvendor.Conformance;

/// <summary>
/// One cause behind failures: the check that names it (the earliest in report order, where the
/// more basic checks come first) and the other failing checks whose evidence shows the same calls,
/// so a vendor reads the behaviour once, with its consequences under it.
/// </summary>
public sealed record Cause(CheckResult Headline, IReadOnlyList<CheckResult> Consequences)
{
    /// <summary>Groups the failed checks of a report: two checks belong together when their evidence shares a call.</summary>
    public static IReadOnlyList<Cause> Of(IReadOnlyList<CheckResult> results)
    {
        var failed = results.Where(r => r.Status == CheckStatus.Fail).ToList();
        var parent = Enumerable.Range(0, failed.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < failed.Count; i++)
        {
            foreach (var line in failed[i].Evidence.Where(e => e.StartsWith("$ ", StringComparison.Ordinal)))
            {
                if (owner.TryGetValue(line, out var other))
                    parent[Find(i)] = Find(other);
                else
                    owner[line] = i;
            }
        }

        return Enumerable.Range(0, failed.Count)
            .GroupBy(Find)
            .Select(g => g.Order().Select(i => failed[i]).ToList())
            .Select(g => new Cause(g[0], g.Skip(1).ToList()))
            .OrderByDescending(c => c.Consequences.Count)
            .ThenBy(c => failed.IndexOf(c.Headline))
            .ToList();
    }
}
