using Cpvendor.Conformance;

namespace Cpvendor.UnitTests.Checks;

public sealed class CauseTests
{
    private static CheckResult Failed(string name, params string[] calls) =>
        new(name, "§2", CheckStatus.Fail, name + " went wrong", calls.Select(c => "$ " + c).Append("  FAIL: detail").ToList());

    [Fact]
    public void Failures_showing_the_same_call_are_one_cause_under_the_earliest_check()
    {
        var results = new List<CheckResult>
        {
            Failed("Every_answer_is_one_json_document", "/v users --unix-id abc"),
            new("Every_answer_is_an_envelope", "§2", CheckStatus.Pass, "", []),
            Failed("Every_answer_leaves_stderr_empty", "/v users --unix-id abc", "/v panel_info"),
            Failed("Users_filters_return_exactly_the_matching_users", "/v users --owner=admin"),
        };

        var causes = Cause.Of(results);

        Assert.Equal(2, causes.Count);
        Assert.Equal("Every_answer_is_one_json_document", causes[0].Headline.Name);
        Assert.Equal(["Every_answer_leaves_stderr_empty"], causes[0].Consequences.Select(c => c.Name));
        Assert.Equal("Users_filters_return_exactly_the_matching_users", causes[1].Headline.Name);
        Assert.Empty(causes[1].Consequences);
    }

    [Fact]
    public void A_report_without_failures_has_no_cause()
    {
        var results = new List<CheckResult> { new("Some_passing_check", "§2", CheckStatus.Warn, "slow", ["$ /v users"]) };
        Assert.Empty(Cause.Of(results));
    }
}
