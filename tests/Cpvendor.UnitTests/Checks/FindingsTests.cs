using Cpvendor.Conformance;
using Cpvendor.Conformance.Checks;

namespace Cpvendor.UnitTests.Checks;

public sealed class FindingsTests
{
    private static readonly CheckDefinition Check = new("Some_check", "§2", "what it checks", _ => new Findings());

    [Fact]
    public void A_check_that_judged_nothing_is_skipped_with_its_reason()
    {
        var findings = new Findings();
        findings.NothingToJudge("no users to filter by");
        var result = findings.ToResult(Check);
        Assert.Equal(CheckStatus.Skip, result.Status);
        Assert.Equal("no users to filter by", result.Message);
    }

    [Fact]
    public void A_check_that_could_judge_none_of_its_answers_names_the_check_that_reports_them()
    {
        var findings = new Findings();
        var call = new Cpvendor.Conformance.Running.CallResult(
            new Cpvendor.Conformance.Running.ScriptCall("users", ["--unix-id", "abc"]), ["/v", "users", "--unix-id", "abc"],
            new Cpvendor.Core.Processes.ChildResult([], "Traceback", 1, TimeSpan.Zero, false, null));
        findings.NotJudged(call, "Every_answer_is_an_envelope");
        findings.NothingToJudge("integration.ini gives no usable command");
        var result = findings.ToResult(Check);
        Assert.Equal(CheckStatus.Skip, result.Status);
        Assert.Equal("its only answer could not be judged here: Every_answer_is_an_envelope reports it", result.Message);
    }

    [Fact]
    public void One_failure_among_passes_fails_the_check_and_leads_the_evidence()
    {
        var findings = new Findings();
        findings.Pass();
        findings.Warn("slow");
        findings.Fail("wrong owner");
        findings.Fail("wrong domain");
        var result = findings.ToResult(Check);
        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal("wrong owner (and 1 more)", result.Message);
        Assert.Contains("  FAIL: wrong owner", result.Evidence);
    }

    [Fact]
    public void Warnings_without_failures_warn()
    {
        var findings = new Findings();
        findings.Pass();
        findings.Warn("exit 1 on an error envelope");
        Assert.Equal(CheckStatus.Warn, findings.ToResult(Check).Status);
    }

    [Fact]
    public void Passing_checks_say_what_they_verified()
    {
        var findings = new Findings();
        findings.Pass();
        var result = findings.ToResult(Check);
        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal("what it checks", result.Message);
    }
}
