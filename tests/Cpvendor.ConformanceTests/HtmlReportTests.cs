using System.Text.RegularExpressions;

namespace Cpvendor.ConformanceTests;

/// <summary>The HTML report as a browser shows it: headless Chromium renders and dumps it.</summary>
[Collection(OwnInstallCollection.Name)]
public sealed partial class HtmlReportTests(OwnInstallFixture install)
{
    private static string Chromium()
    {
        foreach (var candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" })
        {
            if (File.Exists(candidate))
                return candidate;
        }

        Assert.Fail("chromium is not installed: run tests/setup/chromium.sh");
        return "";
    }

    private static Proc.Result Browse(string page, params string[] action)
    {
        var profile = Directory.CreateTempSubdirectory("cpvendor-chromium-").FullName;
        try
        {
            return Proc.Run(Chromium(), [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1200,900", .. action, "file://" + page,
            ]);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    [Fact]
    public void Html_report_renders_in_chromium_with_the_summary_numbers()
    {
        var page = Path.Combine(install.Dir, "report.html");
        var result = Proc.Run(Repo.Binary, "check", "--ini", install.Ini, "--as-user", install.EndUsers[0], "--format", "html", "--out", page, "--slow", "600", "--timeout", "600");
        Assert.True(File.Exists(page), result.ToString());
        var json = CheckRun.Of(install.Ini, [install.EndUsers[0]]);

        var dom = Browse(page, "--dump-dom").Stdout;
        foreach (var status in new[] { "pass", "fail", "warn", "skip" })
        {
            var shown = CountRegex().Match(dom[dom.IndexOf($"id=\"count-{status}\"", StringComparison.Ordinal)..]).Groups[1].Value;
            Assert.Equal(json.Summary.GetProperty(status).GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), shown);
        }

        Assert.Equal(json.Statuses.Count, Regex.Matches(dom, "<details class=\"check ").Count);

        var png = Path.Combine(install.Dir, "report.png");
        Browse(page, "--screenshot=" + png);
        Assert.True(File.Exists(png), "chromium wrote no screenshot");
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 20_000, $"the screenshot is only {bytes.Length} bytes: the page looks blank");
    }

    [GeneratedRegex(">(\\d+)<")]
    private static partial Regex CountRegex();
}
