using Cpvendor.Conformance;

namespace Cpvendor.UnitTests.Checks;

public sealed class CauseTests
{
    private static CheckResult Failed(string name, params string[] calls) =>
        new(name, "§2", CheckStatus.Fail, name + " went wrong", calls.Select(c => "$ " + c).Append("  FAIL: detail").ToList());

    /// <summary>A check whose failures leave nothing to judge (no JSON, no envelope).</summary>
    private static CheckResult NoAnswer(string name, params string[] calls) => Failed(name, calls) with { LeavesNoAnswer = true };

    [Fact]
    public void Failures_showing_only_calls_that_gave_no_answer_are_one_cause_under_the_check_that_says_so()
    {
        var results = new List<CheckResult>
        {
            NoAnswer("Every_answer_is_one_json_document", "/v users --unix-id abc", "/v users -o x"),
            new("Every_answer_is_an_envelope", "§2", CheckStatus.Pass, "", []),
            Failed("Every_answer_leaves_stderr_empty", "/v users --unix-id abc"),
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
    public void A_failure_on_a_call_the_headline_does_not_show_is_a_cause_of_its_own()
    {
        var results = new List<CheckResult>
        {
            NoAnswer("Every_answer_is_one_json_document", "/v users --unix-id abc"),
            Failed("Every_answer_leaves_stderr_empty", "/v users --unix-id abc", "/v panel_info"),
        };

        Assert.Equal(["Every_answer_is_one_json_document", "Every_answer_leaves_stderr_empty"], Cause.Of(results).Select(c => c.Headline.Name));
    }

    [Fact]
    public void A_narrow_cause_on_calls_a_wider_one_also_shows_keeps_its_own_headline()
    {
        var results = new List<CheckResult>
        {
            Failed("Answers_carry_no_keys_beyond_the_schema", "/v users --fields=id", "/v users --unix-id=5 --fields=username"),
            Failed("Users_filters_hold_whatever_fields_asks", "/v users --unix-id=5 --fields=username"),
        };

        var causes = Cause.Of(results);

        Assert.Equal(["Answers_carry_no_keys_beyond_the_schema", "Users_filters_hold_whatever_fields_asks"], causes.Select(c => c.Headline.Name));
        Assert.All(causes, c => Assert.Empty(c.Consequences));
    }

    [Fact]
    public void A_report_without_failures_has_no_cause()
    {
        var results = new List<CheckResult> { new("Some_passing_check", "§2", CheckStatus.Warn, "slow", ["$ /v users"]) };
        Assert.Empty(Cause.Of(results));
    }
}
