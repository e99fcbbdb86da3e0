using System.Text.Json;
using System.Xml.Linq;
using Cpvendor.Conformance;
using Cpvendor.Core;

namespace Cpvendor.UnitTests.Reports;

public sealed class ReportFormatTests
{
    private static readonly ConformanceReport Sample = new(
        "/opt/cpvendor/etc/integration.ini",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        TimeSpan.FromSeconds(2.5),
        17,
        [
            new("Ini_is_read_by_configparser", "§4 integration.ini", CheckStatus.Pass, "ok", []),
            new("Every_answer_leaves_stderr_empty", "§2 The envelope", CheckStatus.Fail, "12 characters on stderr", ["$ users", "  stderr: <b>warn\u0001</b>"]),
            new("Every_call_answers_quickly", "§1 Who calls what", CheckStatus.Warn, "took 1500 ms", ["$ domains"]),
            new("Domains_as_end_user_hides_foreign_domains", "§3 domains", CheckStatus.Skip, "no end user given", []),
        ]);

    private static string Render(ReportFormat format)
    {
        using var writer = new StringWriter();
        ReportWriter.Write(Sample, format, writer);
        return writer.ToString();
    }

    [Fact]
    public void Json_report_lists_every_check_and_the_summary()
    {
        using var document = JsonDocument.Parse(Render(ReportFormat.Json));
        var checks = document.RootElement.GetProperty("checks");
        Assert.Equal(4, checks.GetArrayLength());
        Assert.Equal("fail", checks[1].GetProperty("status").GetString());
        Assert.Equal("§2 The envelope", checks[1].GetProperty("section").GetString());
        Assert.Equal(2, checks[1].GetProperty("evidence").GetArrayLength());
        var summary = document.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("fail").GetInt32());
        Assert.Equal(1, summary.GetProperty("skip").GetInt32());
        Assert.Equal(1, summary.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public void Junit_report_is_well_formed_xml_with_failures_and_skips()
    {
        var xml = XDocument.Parse(Render(ReportFormat.Junit));
        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(4, cases.Count);
        Assert.Single(xml.Descendants("failure"));
        Assert.Single(xml.Descendants("skipped"));
        Assert.Equal("1", xml.Root!.Attribute("failures")!.Value);
        Assert.Contains("\\x01", xml.Descendants("failure").Single().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_is_self_contained_and_escapes_evidence()
    {
        var html = Render(ReportFormat.Html);
        Assert.Contains("<span id=\"count-fail\">1</span>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;warn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_report_has_colour_only_when_asked()
    {
        using var plain = new StringWriter();
        ReportWriter.Write(Sample, ReportFormat.Text, plain, colour: false);
        using var coloured = new StringWriter();
        ReportWriter.Write(Sample, ReportFormat.Text, coloured, colour: true);
        Assert.DoesNotContain("\u001b[", plain.ToString(), StringComparison.Ordinal);
        Assert.Contains("\u001b[31mFAIL", coloured.ToString(), StringComparison.Ordinal);
        Assert.Contains("SKIP  Domains_as_end_user_hides_foreign_domains  no end user given", plain.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_is_two_when_the_checker_could_not_run()
    {
        var aborted = ConformanceReport.Abort("/nope.ini", DateTimeOffset.UtcNow, "cannot read /nope.ini");
        Assert.Equal(ExitCodes.CheckAborted, aborted.ExitCode);
        Assert.Equal(ExitCodes.Success, Sample with { Results = [Sample.Results[0]] } is { } ok ? ok.ExitCode : -1);
    }
}
