using Cpvendor.Conformance.Checks;

namespace Cpvendor.Conformance;

/// <summary>The checks of the kit as a vendor sees them: name, contract section, what each verifies.</summary>
public static class ConformanceSuite
{
    public sealed record Entry(string Name, string Section, string Summary);

    public static IReadOnlyList<Entry> Checks { get; } =
        CheckCatalog.All.Select(c => new Entry(c.Name, c.Section, c.Summary)).ToList();
}
