namespace Cpvendor.Sources.Validation;

/// <summary>The bad rows of one read: each names its view and row. Any problem rejects the whole sync.</summary>
internal sealed class SourceProblems
{
    /// <summary>How many problems a report lists before it only counts the rest.</summary>
    public const int Shown = 20;

    private readonly List<string> items = [];

    public int Count => items.Count;

    public IReadOnlyList<string> Items => items;

    public void Add(string view, string row, string problem) => items.Add($"{view} {row}: {problem}");

    public string Summary()
    {
        var lines = items.Take(Shown).Select(i => "  " + i);
        var more = items.Count > Shown ? $"\n  ... and {items.Count - Shown} more" : "";
        return $"{items.Count} bad row(s) in the panel database, nothing applied:\n{string.Join('\n', lines)}{more}";
    }
}
