using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// docs/contract.md section 6: scripts may run as the calling user before CloudLinux enters CageFS,
/// so nothing the caller controls may load code into them. Each end user gets a home made for the
/// run (written by that user only) holding harmless canaries where interpreters look for user code;
/// a canary that runs leaves a marker. Hooks carried by the environment are warnings: whether
/// CloudLinux passes the caller's environment on is not published.
/// </summary>
internal static class CallerCodeChecks
{
    public const string Section = "§6 Security";

    /// <summary>Python versions whose user site-packages get a canary (the folder carries the version).</summary>
    private static readonly string[] PythonVersions = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

    /// <summary>What each home marker means, and the fix.</summary>
    private static readonly Dictionary<string, string> HomeMarkers = new(StringComparer.Ordinal)
    {
        ["python-site-packages"] = "Python ran the caller's code from their user site-packages (~/.local/lib/python3.X/site-packages, .pth and usercustomize): start it with -I or -s (#!/usr/bin/python3 -I)",
        ["python-usercustomize"] = "Python ran the caller's code from their user site-packages (~/.local/lib/python3.X/site-packages, .pth and usercustomize): start it with -I or -s (#!/usr/bin/python3 -I)",
    };

    /// <summary>The hooks set at once, and the marker (or null: detected by a changed answer) each leaves.</summary>
    private static readonly (string Variable, string Value, string? Marker)[] Hooks =
    [
        ("PYTHONPATH", "~/hooks/python", "PYTHONPATH"),
        ("PYTHONSTARTUP", "~/hooks/startup.py", "PYTHONSTARTUP"),
        ("NODE_OPTIONS", "--require ~/hooks/hook.js", "NODE_OPTIONS"),
        ("PERL5OPT", "-I~/hooks/perl -MCpvendorCheckCanary", "PERL5OPT"),
        ("RUBYOPT", "-r~/hooks/hook.rb", "RUBYOPT"),
        ("BASH_ENV", "~/hooks/hook.sh", "BASH_ENV"),
        ("PHPRC", "~/hooks/php", "PHPRC"),
        ("PHP_INI_SCAN_DIR", "~/hooks/phpscan", "PHP_INI_SCAN_DIR"),
        ("DOTNET_STARTUP_HOOKS", "~/hooks/CpvendorCheckStartupHook.dll", null),
    ];

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Scripts_run_no_code_from_the_callers_home", Section, "run as an end user whose home holds user code (Python user site-packages, usercustomize), no script runs it", FromHome),
        new("Scripts_ignore_interpreter_hooks_in_the_environment", Section, "run as an end user with interpreter hooks in the environment (PYTHONPATH, NODE_OPTIONS, PERL5OPT, RUBYOPT, BASH_ENV, PHPRC, PHP_INI_SCAN_DIR, DOTNET_STARTUP_HOOKS, ...), no script loads them (a warning)", FromEnvironment),
    ];

    private static IEnumerable<(string, string)> HomeFiles()
    {
        foreach (var version in PythonVersions)
        {
            var site = $"~/.local/lib/python{version}/site-packages";
            yield return ($"{site}/cpvendor_check_canary.pth", Python("python-site-packages", asPth: true));
            yield return ($"{site}/usercustomize.py", Python("python-usercustomize", asPth: false));
        }
    }

    private static IEnumerable<(string, string)> HookFiles()
    {
        yield return ("~/hooks/python/sitecustomize.py", Python("env-PYTHONPATH", asPth: false));
        yield return ("~/hooks/startup.py", Python("env-PYTHONSTARTUP", asPth: false));
        yield return ("~/hooks/hook.js", $"try {{ require('fs').writeFileSync('~/{CanaryHome.MarkerPrefix}env-NODE_OPTIONS', ''); }} catch (e) {{}}\n");
        yield return ("~/hooks/perl/CpvendorCheckCanary.pm", $"package CpvendorCheckCanary;\nif (open(my $f, '>', '~/{CanaryHome.MarkerPrefix}env-PERL5OPT')) {{ close($f); }}\n1;\n");
        yield return ("~/hooks/hook.rb", $"begin; File.write('~/{CanaryHome.MarkerPrefix}env-RUBYOPT', ''); rescue StandardError; end\n");
        yield return ("~/hooks/hook.sh", $": > '~/{CanaryHome.MarkerPrefix}env-BASH_ENV' 2>/dev/null || :\n");
        yield return ("~/hooks/php/php.ini", "auto_prepend_file = ~/hooks/phprc.php\n");
        yield return ("~/hooks/phprc.php", $"<?php @touch('~/{CanaryHome.MarkerPrefix}env-PHPRC');");
        yield return ("~/hooks/phpscan/zz-cpvendor-check.ini", "auto_prepend_file = ~/hooks/phpscan.php\n");
        yield return ("~/hooks/phpscan.php", $"<?php @touch('~/{CanaryHome.MarkerPrefix}env-PHP_INI_SCAN_DIR');");
    }

    private static string Python(string marker, bool asPth)
    {
        var code = $"open('~/{CanaryHome.MarkerPrefix}{marker}', 'a').close()";
        return asPth ? $"import sys; exec({Quote(code)})\n" : $"try:\n    {code}\nexcept Exception:\n    pass\n";
    }

    private static string Quote(string code) => "\"" + code.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static readonly string[] EndUserScripts = ["panel_info", "domains"];

    private static readonly string[] Interpreters = ["python", "node", "nodejs", "perl", "ruby", "php", "bash", "sh", "dash", "dotnet"];

    /// <summary>
    /// One script per distinct program of the ini for the first end user (what an interpreter loads
    /// at start-up depends on the program, not on the arguments), panel_info for the others.
    /// </summary>
    private static IEnumerable<string> ScriptsFor(CheckContext context, int index)
    {
        if (index > 0)
            return ["panel_info"];
        var ordered = EndUserScripts.Concat(Grammar.Scripts.Select(g => g.Script)).Distinct(StringComparer.Ordinal);
        return ordered.Where(s => context.Config.Command(s) is not null)
            .GroupBy(s => ProgramOf(context.Config.Command(s)!), StringComparer.Ordinal)
            .Select(g => g.First());
    }

    /// <summary>The program a command runs: its first word, and the script an interpreter is given.</summary>
    private static string ProgramOf(IReadOnlyList<string> command)
    {
        var first = Path.GetFileName(command[0]);
        var interpreted = Interpreters.Any(i => first.StartsWith(i, StringComparison.Ordinal));
        var script = interpreted ? command.Skip(1).FirstOrDefault(w => !w.StartsWith('-')) : null;
        return command[0] + "\0" + script;
    }

    private static Findings FromHome(CheckContext context)
    {
        if (context.EndUsersMissing is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        for (var i = 0; i < context.EndUsers.Count; i++)
        {
            var user = context.EndUsers[i];
            var (home, error) = CanaryHome.Create(user, context.Options.Timeout, HomeFiles());
            if (home is null)
            {
                findings.Note(error!);
                continue;
            }

            using (home)
            {
                foreach (var script in ScriptsFor(context, i))
                {
                    var call = context.Calls.RunAside(new ScriptCall(script, [], user, Environment: [new("HOME", home.Path)]));
                    if (call is null)
                        continue;
                    var markers = home.TakeMarkers();
                    if (markers.Count == 0)
                        findings.Pass(call, $"no canary ran for {script}");
                    else
                        findings.Fail($"{script} as {user.Name}: {string.Join("; ", markers.Select(m => HomeMarkers.GetValueOrDefault(m, "a canary ran: " + m)).Distinct(StringComparer.Ordinal))}", call);
                }
            }
        }

        findings.NothingToJudge("no home could be prepared for the end users (see the notes)");
        return findings;
    }

    private static Findings FromEnvironment(CheckContext context)
    {
        if (context.EndUsersMissing is { } why)
            return Findings.Skipped(why);
        var user = context.EndUsers[0];
        var findings = new Findings();
        var (home, error) = CanaryHome.Create(user, context.Options.Timeout, HookFiles());
        if (home is null)
            return Findings.Skipped(error!);
        using (home)
        {
            var environment = new List<KeyValuePair<string, string>> { new("HOME", home.Path) };
            environment.AddRange(Hooks.Select(h => new KeyValuePair<string, string>(h.Variable, h.Value.Replace("~", home.Path, StringComparison.Ordinal))));
            foreach (var script in ScriptsFor(context, 0))
            {
                var clean = context.Calls.RunAside(new ScriptCall(script, [], user, Environment: [new("HOME", home.Path)]));
                home.TakeMarkers();
                var hooked = context.Calls.RunAside(new ScriptCall(script, [], user, Environment: environment));
                if (clean is null || hooked is null)
                    continue;
                var loaded = home.TakeMarkers().Where(m => m.StartsWith("env-", StringComparison.Ordinal)).Select(m => m[4..]).ToList();
                if (loaded.Count > 0)
                    findings.Warn($"{script} loaded code named by {string.Join(", ", loaded)}: if CloudLinux passes the caller's environment on, the caller's code runs inside the script; start the interpreter so that it ignores them (python3 -I) or clear them before it starts (a wrapper running env -i)", hooked);
                else if (!clean.Stdout.AsSpan().SequenceEqual(hooked.Stdout) || clean.ExitCode != hooked.ExitCode)
                    findings.Warn($"{script} answers differently when {string.Join(", ", Hooks.Where(h => h.Marker is null).Select(h => h.Variable))} and the other hooks are set: the runtime tries to load what the environment names", hooked);
                else
                    findings.Pass(hooked, $"{script} loaded none of the hooks");
            }
        }

        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }
}
