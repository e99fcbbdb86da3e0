using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md sections 2 and 3 as a table: every <c>cpapi-example</c> line of the document is
/// run as root against the installed published binary over a hand-made panel whose answers the test
/// derives from its own rows. The document is the table, so the two cannot drift apart: a wrong
/// example fails here.
/// </summary>
public sealed class ContractTableTests(KnownInstall known) : IClassFixture<KnownInstall>
{
    private static readonly string[] Scripts = ["panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php"];

    public static IReadOnlyList<ContractCase> Cases { get; } = ContractExamples.Load();

    public static TheoryData<string> Labels => [.. Cases.Select(c => c.Label)];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Root_gets_what_the_contract_prescribes(string label)
    {
        var row = Cases.Single(c => c.Label == label);

        var envelope = Envelope.Of(known.Install.Cpapi(row.Resolve(known.Panel)));

        row.Check(envelope, known.Panel);
    }

    [Fact]
    public void The_table_has_no_duplicate_rows() =>
        Assert.Equal(Cases.Count, Cases.Select(c => c.Label).Distinct().Count());

    [Fact]
    public void Every_script_has_an_ok_and_a_bad_request_example()
    {
        foreach (var script in Scripts)
        {
            Assert.Contains(Cases, c => c.Args.FirstOrDefault() == script && c.Result == "ok");
            Assert.Contains(Cases, c => c.Args.FirstOrDefault() == script && c.Result == "BadRequest");
        }
    }

    [Fact]
    public void An_example_that_contradicts_the_binary_fails()
    {
        var wrong = ContractExamples.ParseLine("users --owner=kpres1 → ok where owner=kpadmin");

        var envelope = Envelope.Of(known.Install.Cpapi(wrong.Resolve(known.Panel)));

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => wrong.Check(envelope, known.Panel));
    }

    [Theory]
    [InlineData("users --owner=kpres1")]
    [InlineData("users → ok where uid=1")]
    [InlineData("users → ok sorted")]
    [InlineData("packages → ok fields name")]
    [InlineData("users → Fine")]
    public void A_line_the_reader_does_not_understand_is_an_error(string line) =>
        Assert.Throws<FormatException>(() => ContractExamples.ParseLine(line));
}
