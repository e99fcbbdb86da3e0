using Cpvendor.Conformance.Reports;

namespace Cpvendor.Conformance;

/// <summary>Writes a report in the chosen format. Colour applies to text only.</summary>
public static class ReportWriter
{
    public static void Write(ConformanceReport report, ReportFormat format, TextWriter output, bool colour = false)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, output);
                break;
            case ReportFormat.Junit:
                JunitReport.Write(report, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(report, output);
                break;
            default:
                TextReport.Write(report, output, colour);
                break;
        }
    }

    /// <summary>The short form quickstart shows: the summary, then each failure and warning with its first evidence.</summary>
    public static void WriteVerdict(ConformanceReport report, TextWriter output, bool colour = false) =>
        TextReport.WriteProblems(report, output, colour);
}
