namespace Cpvendor.Host;

/// <summary>What uninstall took back, what it deliberately left, and what went wrong along the way.</summary>
public sealed record UninstallReport(IReadOnlyList<string> Undone, IReadOnlyList<string> Kept, IReadOnlyList<string> Warnings)
{
    public void WriteTo(TextWriter output)
    {
        foreach (var line in Undone)
            output.WriteLine(line);
        foreach (var line in Kept)
            output.WriteLine($"kept {line}");
        foreach (var line in Warnings)
            output.WriteLine($"warning: {line}");
    }
}
