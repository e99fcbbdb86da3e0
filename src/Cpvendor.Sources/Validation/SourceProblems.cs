namespace Cpvendor.Sources.Validation;

/// <summary>
/// What a read found wrong (docs/contract.md section 8). A record that cannot be accepted is
/// rejected on its own: by its key, or by its kind alone when not even its id could be read. A
/// problem with no record to blame (a view without a required column) is a failure of the whole
/// read: nothing is applied.
/// </summary>
internal sealed class SourceProblems
{
    /// <summary>How many failures a message lists before it only counts the rest.</summary>
    public const int Shown = 20;

    private readonly List<string> failures = [];
    private readonly List<Rejection> rejections = [];

    /// <summary>Problems that reject the whole read.</summary>
    public IReadOnlyList<string> Failures => failures;

    public IReadOnlyList<Rejection> Rejections => rejections;

    /// <summary>A problem of the whole read, blamed on no record (<paramref name="row"/> says where).</summary>
    public void Fail(string view, string row, string problem) => failures.Add($"{view} {row}: {problem}");

    /// <summary>A record that cannot be accepted, known by its key.</summary>
    public void Reject(RecordKey key, string view, string row, string reason) =>
        rejections.Add(new Rejection(key, key.Kind, view, row, reason));

    /// <summary>A record of <paramref name="kind"/> that cannot be accepted and whose id cannot be read either.</summary>
    public void RejectUnidentified(RecordKind kind, string view, string row, string reason) =>
        rejections.Add(new Rejection(null, kind, view, row, reason));

    public string Summary()
    {
        var lines = failures.Take(Shown).Select(i => "  " + i);
        var more = failures.Count > Shown ? $"\n  ... and {failures.Count - Shown} more" : "";
        return $"the panel's data cannot be read as a whole, nothing applied:\n{string.Join('\n', lines)}{more}";
    }
}
