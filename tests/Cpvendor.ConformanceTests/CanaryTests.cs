namespace Cpvendor.ConformanceTests;

/// <summary>
/// The caller's-code checks against real interpreters from Debian packages (tests/setup/interpreters.sh),
/// run as a real UNIX user: each vendor is one tiny script answering an empty ok envelope, so only
/// what its interpreter loads at start-up decides the verdict.
/// </summary>
public sealed class CanaryTests : IDisposable
{
    private const string FromHome = "Scripts_run_no_code_from_the_callers_home";
    private const string FromEnvironment = "Scripts_ignore_interpreter_hooks_in_the_environment";
    private const string Envelope = "{\"data\": {}, \"metadata\": {\"result\": \"ok\"}}";

    private readonly string dir = Proc.PublicTempDir("cpvendor-canary-");
    private readonly UnixUsers users = new("cpvk", [23201]);

    public static TheoryData<string, string, string, string> Interpreters => new()
    {
        { "node", "/usr/bin/node", $"process.stdout.write('{Envelope}\\n');", "NODE_OPTIONS" },
        { "perl", "/usr/bin/perl", $"print '{Envelope}', \"\\n\";", "PERL5OPT" },
        { "ruby", "/usr/bin/ruby", $"puts '{Envelope}'", "RUBYOPT" },
        { "php", "/usr/bin/php", $"<?php echo '{Envelope}', \"\\n\";", "PHP_INI_SCAN_DIR" },
        { "bash", "/bin/bash", $"echo '{Envelope}'", "BASH_ENV" },
        { "python", "/usr/bin/python3 -s", $"print('{Envelope}')", "PYTHONPATH" },
    };

    [Theory]
    [MemberData(nameof(Interpreters))]
    public void An_interpreter_loading_a_hook_from_the_environment_is_a_warning_naming_it(string name, string interpreter, string code, string variable)
    {
        var run = Check(name, interpreter, code);
        var check = run.Check(FromEnvironment);
        Assert.True(check.GetProperty("status").GetString() == "warn", $"{name}: {run.Explain()}\n{check}");
        Assert.Contains(variable, check.GetProperty("message").GetString(), StringComparison.Ordinal);

        // None of these loads anything from the home folder (python3 -s leaves the user site out).
        Assert.True(run.Statuses[FromHome] == "pass", $"{name}: {run.Explain()}");
    }

    [Fact]
    public void Python_without_isolation_runs_the_callers_user_site_and_fails()
    {
        var run = Check("python-plain", "/usr/bin/python3", $"print('{Envelope}')");
        Assert.Equal("fail", run.Statuses[FromHome]);
        var evidence = string.Join("\n", run.Check(FromHome).GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("user site-packages", evidence, StringComparison.Ordinal);
        Assert.Contains($"[as {users.Names[0]}] HOME=", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Python_started_isolated_loads_nothing_of_the_caller()
    {
        var run = Check("python-isolated", "/usr/bin/python3 -I", $"print('{Envelope}')");
        Assert.True(run.Statuses[FromHome] == "pass" && run.Statuses[FromEnvironment] == "pass", run.Explain());
    }

    private CheckRun Check(string name, string interpreter, string code)
    {
        var script = Path.Combine(dir, name + ".script");
        File.WriteAllText(script, code + "\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b110_100_100);
        var ini = Path.Combine(dir, name + ".ini");
        var lines = new[] { "panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php" }
            .Select(s => $"{s} = {interpreter} {script} {s}");
        File.WriteAllText(ini, "[integration_scripts]\n" + string.Join("\n", lines) + "\n");
        File.SetUnixFileMode(ini, (UnixFileMode)0b110_100_100);
        return CheckRun.With(ini, ["--as-user", users.Names[0], "--only", FromHome, "--only", FromEnvironment]);
    }

    public void Dispose()
    {
        users.Dispose();
        Directory.Delete(dir, recursive: true);
    }
}
