using System.Globalization;
using System.Net;
using System.Text;

namespace Cpvendor.Conformance.Reports;

/// <summary>
/// A self-contained HTML page (inline CSS, no scripts, no external resources) a vendor can attach
/// to a ticket: the verdict and counts at the top, then every check by contract section, failures
/// and warnings opened with their evidence, the rest folded.
/// </summary>
internal static class HtmlReport
{
    public static void Write(ConformanceReport report, TextWriter output)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
        sb.Append("<title>cpvendor check: ").Append(E(report.Verdict)).Append("</title>\n<style>\n").Append(HtmlStyle.Css).Append("</style></head><body>\n");
        sb.Append("<header><h1>CloudLinux integration conformance</h1>\n");
        sb.Append("<p class=\"ini\">").Append(E(report.IniPath)).Append(" &middot; ")
            .Append(E(report.Started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(" &middot; ")
            .Append(report.Calls).Append(" calls in ").Append(report.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s</p>\n");
        var verdictClass = report.ExitCode switch { 0 when report.Count(CheckStatus.Warn) == 0 => "pass", 0 => "warn", _ => "fail" };
        sb.Append("<p id=\"verdict\" class=\"verdict ").Append(verdictClass).Append("\">").Append(E(report.Verdict)).Append("</p>\n");
        sb.Append("<div class=\"counts\">");
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            var name = status.WireName();
            sb.Append("<div class=\"count ").Append(name).Append("\"><span id=\"count-").Append(name).Append("\">")
                .Append(report.Count(status)).Append("</span> ").Append(Label(status)).Append("</div>");
        }

        sb.Append("</div></header>\n<main>\n");
        if (report.Aborted is not null)
            sb.Append("<p class=\"aborted\">").Append(E(report.Aborted)).Append("</p>\n");
        foreach (var section in report.Results.GroupBy(r => r.Section))
        {
            sb.Append("<section><h2>").Append(E(section.Key)).Append("</h2>\n");
            foreach (var result in section)
                Check(sb, result);
            sb.Append("</section>\n");
        }

        sb.Append("</main><footer>cpvendor check &middot; exit status ").Append(report.ExitCode).Append("</footer></body></html>\n");
        output.Write(sb.ToString());
    }

    private static void Check(StringBuilder sb, CheckResult result)
    {
        var status = result.Status.WireName();
        var open = result.Status is CheckStatus.Fail or CheckStatus.Warn ? " open" : "";
        sb.Append("<details class=\"check ").Append(status).Append('"').Append(open).Append(" id=\"").Append(E(result.Name)).Append("\">");
        sb.Append("<summary><span class=\"badge ").Append(status).Append("\">").Append(status.ToUpperInvariant()).Append("</span> ");
        sb.Append("<span class=\"name\">").Append(E(result.Name)).Append("</span>");
        sb.Append("<span class=\"message\">").Append(E(result.Message)).Append("</span></summary>\n");
        if (result.Evidence.Count > 0)
            sb.Append("<pre>").Append(E(string.Join('\n', result.Evidence))).Append("</pre>");
        sb.Append("</details>\n");
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "passed",
        CheckStatus.Fail => "failed",
        CheckStatus.Warn => "warned",
        _ => "skipped",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
