namespace Cpvendor.Doctor.Checks;

/// <summary>
/// One thing a support engineer looks at. The name reads as a sentence that is true on a healthy
/// host; <see cref="Section"/> is the docs/contract.md section it enforces. A check returns at least one
/// finding, and reports what it could not read as <see cref="Severity.Unknown"/>.
/// </summary>
internal abstract class Check
{
    public abstract string Name { get; }

    public abstract string Section { get; }

    public abstract IEnumerable<Finding> Run(HostView host);

    protected Finding Ok(string summary, string? evidence = null) => new(Name, Section, Severity.Ok, summary, evidence, null);

    protected Finding Info(string summary, string? evidence = null) => new(Name, Section, Severity.Info, summary, evidence, null);

    protected Finding Unknown(string summary, string? evidence, string fix) => new(Name, Section, Severity.Unknown, summary, evidence, fix);

    protected Finding Warning(string summary, string? evidence, string fix) => new(Name, Section, Severity.Warning, summary, evidence, fix);

    protected Finding Error(string summary, string? evidence, string fix) => new(Name, Section, Severity.Error, summary, evidence, fix);

    /// <summary>A short list for evidence: the first few items and how many more.</summary>
    protected static string Sample(IEnumerable<string> items, int show = 5)
    {
        var list = items.ToList();
        return list.Count <= show ? string.Join(", ", list) : string.Join(", ", list.Take(show)) + $" and {list.Count - show} more";
    }
}
