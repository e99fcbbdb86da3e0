using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cpvendor.Conformance.Reports;

/// <summary>
/// The machine-readable report:
/// <c>{"checks":[{"name","section","status","message","evidence":[...]}], "causes":[{"headline","message","consequences":[...]}], "summary":{...}}</c>,
/// written with Utf8JsonWriter (no reflection, NativeAOT-safe).
/// </summary>
internal static class JsonReport
{
    public static void Write(ConformanceReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("checks");
            foreach (var result in report.Results)
            {
                writer.WriteStartObject();
                writer.WriteString("name", result.Name);
                writer.WriteString("section", result.Section);
                writer.WriteString("status", result.Status.WireName());
                writer.WriteString("message", result.Message);
                writer.WriteStartArray("evidence");
                foreach (var line in result.Evidence)
                    writer.WriteStringValue(line);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("causes");
            foreach (var cause in report.Causes)
            {
                writer.WriteStartObject();
                writer.WriteString("headline", cause.Headline.Name);
                writer.WriteString("message", cause.Headline.Message);
                writer.WriteStartArray("consequences");
                foreach (var consequence in cause.Consequences)
                    writer.WriteStringValue(consequence.Name);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteString("ini", report.IniPath);
            writer.WriteString("started", report.Started.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteNumber("duration_ms", Math.Round(report.Duration.TotalMilliseconds));
            writer.WriteNumber("calls", report.Calls);
            writer.WriteNumber("total", report.Results.Count);
            foreach (var status in Enum.GetValues<CheckStatus>())
                writer.WriteNumber(status.WireName(), report.Count(status));
            writer.WriteString("verdict", report.Verdict);
            if (report.Aborted is not null)
                writer.WriteString("aborted", report.Aborted);
            else
                writer.WriteNull("aborted");
            writer.WriteNumber("exit_code", report.ExitCode);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }
}
