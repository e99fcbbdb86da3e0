using System.Text.RegularExpressions;

namespace Cpvendor.UnitTests;

/// <summary>
/// The contract is part of the repository: every citation in code, tests and docs names
/// docs/contract.md, and every section it names exists there under the same number.
/// </summary>
public sealed partial class ContractCitationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_contract_has_its_eight_numbered_sections()
    {
        var headings = Headings();

        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], headings);
    }

    [Fact]
    public void Every_citation_names_the_contract_in_the_repository()
    {
        var stale = SourceFiles().Where(f => File.ReadAllText(f).Contains("CONTRACT.md", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();

        Assert.Empty(stale);
    }

    [Fact]
    public void Every_cited_section_exists()
    {
        var headings = Headings().ToHashSet();
        var cited = SourceFiles()
            .SelectMany(f => Citation().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(Root, f), Section: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(cited);
        Assert.All(cited, c => Assert.True(headings.Contains(c.Section), $"{c.File} cites section {c.Section}"));
    }

    private static List<string> Headings() =>
        [.. Heading().Matches(File.ReadAllText(Path.Combine(Root, "docs", "contract.md"))).Select(m => m.Groups[1].Value)];

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "bench", "docs" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !f.EndsWith(nameof(ContractCitationTests) + ".cs", StringComparison.Ordinal))
            .Concat([Path.Combine(Root, "README.md"), Path.Combine(Root, "ARCHITECTURE.md")]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("no cpvendor.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"docs/contract\.md section (\d+)")]
    private static partial Regex Citation();
}
