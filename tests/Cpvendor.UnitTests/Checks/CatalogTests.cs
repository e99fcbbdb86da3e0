using System.Text.RegularExpressions;
using Cpvendor.Conformance;

namespace Cpvendor.UnitTests.Checks;

public sealed partial class CatalogTests
{
    [Fact]
    public void Every_check_has_a_sentence_name_and_a_contract_section()
    {
        Assert.NotEmpty(ConformanceSuite.Checks);
        foreach (var check in ConformanceSuite.Checks)
        {
            Assert.Matches(SentenceName(), check.Name);
            Assert.StartsWith("§", check.Section, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(check.Summary), check.Name);
        }

        Assert.Equal(ConformanceSuite.Checks.Count, ConformanceSuite.Checks.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Docs_describe_every_check()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "check.md"));
        var missing = ConformanceSuite.Checks.Where(c => !docs.Contains($"`{c.Name}`", StringComparison.Ordinal)).Select(c => c.Name).ToList();
        Assert.True(missing.Count == 0, "docs/check.md does not describe: " + string.Join(", ", missing));
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("no cpvendor.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^[A-Z][a-z]+(_[A-Za-z0-9]+){2,}$")]
    private static partial Regex SentenceName();
}
