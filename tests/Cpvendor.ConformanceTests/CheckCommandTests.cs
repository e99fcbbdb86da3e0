using System.Xml.Linq;
using Cpvendor.Core;

namespace Cpvendor.ConformanceTests;

/// <summary>The command line of <c>cpvendor check</c>: exit statuses, formats, files.</summary>
[Collection(OwnInstallCollection.Name)]
public sealed class CheckCommandTests(OwnInstallFixture install)
{
    [Fact]
    public void Check_of_a_missing_ini_exits_2_and_says_why()
    {
        var result = Proc.Run(Repo.Binary, "check", "--ini", "/nonexistent/integration.ini");
        Assert.Equal(ExitCodes.CheckAborted, result.ExitCode);
        Assert.Contains("cannot read /nonexistent/integration.ini", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_as_a_user_that_does_not_exist_exits_2()
    {
        var result = Proc.Run(Repo.Binary, "check", "--ini", install.Ini, "--as-user", "no-such-user-cpvendor");
        Assert.Equal(ExitCodes.CheckAborted, result.ExitCode);
        Assert.Contains("no such UNIX user", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_writes_junit_xml_with_one_testcase_per_check()
    {
        var file = Path.Combine(install.Dir, "report.xml");
        var result = Proc.Run(Repo.Binary, ["check", "--ini", install.Ini, "--format", "junit", "--out", file, .. CheckRun.PatientTimes]);
        Assert.Contains("report in " + file, result.Stdout, StringComparison.Ordinal);
        var xml = XDocument.Load(file);
        var json = CheckRun.Of(install.Ini, []);
        Assert.Equal(json.Statuses.Count, xml.Descendants("testcase").Count());
        Assert.Equal(json.With("fail").Count, xml.Descendants("failure").Count());
        Assert.Equal(json.With("skip").Count, xml.Descendants("skipped").Count());
    }

    [Fact]
    public void Text_report_sent_to_a_pipe_has_no_colour_and_ends_with_the_summary()
    {
        var result = Proc.Run(Repo.Binary, ["check", "--ini", install.Ini, .. CheckRun.PatientTimes]);
        Assert.DoesNotContain("\u001b[", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"\d+ checks: \d+ passed, \d+ failed, \d+ warned, \d+ skipped", result.Stdout.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void An_ini_configparser_refuses_fails_the_ini_check_and_skips_what_depends_on_it()
    {
        var ini = Path.Combine(install.Dir, "broken.ini");
        File.WriteAllText(ini, "[integration_scripts]\npanel_info = /bin/true\nthis line has no delimiter\n");
        var run = CheckRun.Of(ini, []);
        Assert.Equal(ExitCodes.CheckFailed, run.Process.ExitCode);
        Assert.Equal(["Ini_is_read_by_configparser"], run.With("fail"));
        Assert.Contains("ParsingError", run.Check("Ini_is_read_by_configparser").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("skip", run.Statuses["Ini_names_all_eight_scripts"]);
    }

    [Fact]
    public void A_vendor_whose_scripts_hang_still_gets_a_report_with_every_call_killed()
    {
        var dir = Path.Combine(install.Dir, "hanging");
        Directory.CreateDirectory(dir);
        var script = Path.Combine(dir, "hang");
        File.WriteAllText(script, "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        var ini = Path.Combine(dir, "integration.ini");
        var lines = string.Join("\n", new[] { "panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php" }.Select(s => $"{s} = {script} {s}"));
        File.WriteAllText(ini, $"[integration_scripts]\n{lines}\n[lvemanager_config]\nui_user_info = /bin/false\n");

        var result = Proc.Run(Repo.Binary, "check", "--ini", ini, "--timeout", "1", "--format", "json");

        Assert.Equal(ExitCodes.CheckFailed, result.ExitCode);
        using var report = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var timeout = report.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Every_call_finishes_before_the_timeout");
        Assert.Equal("fail", timeout.GetProperty("status").GetString());
        Assert.Contains("killed after 1 s", timeout.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quickstart_ends_with_the_checkers_verdict()
    {
        var dir = Path.Combine(install.Dir, "qs");
        var result = Proc.Run(Repo.Binary, "quickstart", "--dir", dir, "--users", "20");
        Assert.Contains("The conformance checker runs every script", result.Stdout, StringComparison.Ordinal);
        var summary = result.Stdout.Split('\n').Single(l => l.Contains(" checks: ", StringComparison.Ordinal));
        var failed = summary.Contains(" 0 failed", StringComparison.Ordinal) ? ExitCodes.Success : ExitCodes.CheckFailed;
        Assert.Equal(failed, result.ExitCode);
    }
}
