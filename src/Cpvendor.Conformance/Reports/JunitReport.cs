using System.Globalization;
using System.Text;
using System.Xml;

namespace Cpvendor.Conformance.Reports;

/// <summary>
/// JUnit XML for CI systems: one testcase per check, classname the contract section; failures
/// carry the evidence, skips their reason; warnings pass with the evidence in system-out.
/// </summary>
internal static class JunitReport
{
    public static void Write(ConformanceReport report, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = false };
        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "cpvendor check");
            Counts(xml, report);
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "CloudLinux integration conformance: " + report.IniPath);
            Counts(xml, report);
            xml.WriteAttributeString("timestamp", report.Started.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
            if (report.Aborted is not null)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", "checker");
                xml.WriteAttributeString("name", "Checker_could_run");
                xml.WriteStartElement("error");
                xml.WriteAttributeString("message", Clean(report.Aborted));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (var result in report.Results)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("classname", result.Section);
                xml.WriteAttributeString("name", result.Name);
                xml.WriteAttributeString("time", "0");
                var evidence = Clean(string.Join('\n', result.Evidence));
                switch (result.Status)
                {
                    case CheckStatus.Fail:
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", Clean(result.Message));
                        xml.WriteString(evidence);
                        xml.WriteEndElement();
                        break;
                    case CheckStatus.Skip:
                        xml.WriteStartElement("skipped");
                        xml.WriteAttributeString("message", Clean(result.Message));
                        xml.WriteEndElement();
                        break;
                    case CheckStatus.Warn:
                        xml.WriteElementString("system-out", Clean("WARNING: " + result.Message + "\n" + evidence));
                        break;
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.WriteLine(sb.ToString());
    }

    private static void Counts(XmlWriter xml, ConformanceReport report)
    {
        xml.WriteAttributeString("tests", (report.Results.Count + (report.Aborted is null ? 0 : 1)).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", report.Count(CheckStatus.Fail).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", (report.Aborted is null ? 0 : 1).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("skipped", report.Count(CheckStatus.Skip).ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", report.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
    }

    /// <summary>XML 1.0 cannot carry most control characters, even escaped: show them as \xNN.</summary>
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\uFFFE'))
                sb.Append(c);
            else
                sb.Append($"\\x{(int)c:x2}");
        }

        return sb.ToString();
    }

    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
