using Cpvendor.Conformance.Ini;
using Cpvendor.Conformance.Running;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>docs/contract.md sections 1 and 4: the file CloudLinux reads before anything else.</summary>
internal static class IniChecks
{
    public const string Section = "§4 integration.ini";
    public const string CallersSection = "§1 Who calls what";

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Ini_is_read_by_configparser", Section, "Python's configparser reads the file without error", IsReadByConfigparser),
        new("Ini_is_readable_by_every_user", CallersSection, "the file is 0644 root:root and every user can read it", IniAccess.IsReadableByEveryUser),
        new("Ini_names_all_eight_scripts", Section, "[integration_scripts] gives a command line for each of the eight scripts", NamesAllScripts),
        new("Ini_script_commands_are_executable_by_every_user", CallersSection, "each script line starts with an absolute path every user may execute", IniAccess.CommandsAreExecutable),
        new("Ini_never_passes_with_php", CallersSection, "no script line carries --with-php", NeverPassesWithPhp),
        new("Ini_names_ui_user_info", Section, "[lvemanager_config] names an executable ui_user_info", IniAccess.NamesUiUserInfo),
        new("Ini_service_port_is_a_bare_integer_when_run_service_is_on", Section, "run_service = 1 comes with service_port, a bare port number", ServicePort),
        new("Ini_ssl_cert_and_key_are_given_when_use_ssl_is_on", Section, "use_ssl = 1 comes with ssl_cert and ssl_key", SslFiles),
        new("Ini_values_carry_no_inline_comments", Section, "no value holds a ';' or '#' comment, which configparser would keep in the value", NoInlineComments),
    ];

    private static Findings IsReadByConfigparser(CheckContext context)
    {
        var findings = new Findings();
        if (context.Config.ReadError is { } error)
        {
            findings.Fail($"configparser would raise {error}");
            return findings;
        }

        var document = context.Config.Document!;
        findings.Pass(detail: $"sections: {string.Join(", ", document.Sections.Select(s => "[" + s + "]"))}");
        return findings;
    }

    private static Findings NamesAllScripts(CheckContext context)
    {
        if (context.Config.Document is not { } document)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        if (!document.HasSection(IntegrationConfig.ScriptsSection))
        {
            findings.Fail($"there is no [{IntegrationConfig.ScriptsSection}] section");
            return findings;
        }

        foreach (var problem in context.Config.Problems)
        {
            if (OptionalScripts.Lost(problem, context.Config) is { } lost)
                findings.Warn(lost);
            else
                findings.Fail(problem);
        }
        foreach (var grammar in Grammar.Scripts)
        {
            if (context.Config.Command(grammar.Script) is { } command)
                findings.Pass(detail: $"{grammar.Script} = {context.Config.Lines[grammar.Script]}  ->  argv {ShellQuote.Join(command)}");
        }

        return findings;
    }

    private static Findings NeverPassesWithPhp(CheckContext context)
    {
        if (context.Config.Document is null)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        foreach (var (script, line) in context.Config.Lines)
        {
            if (line.Contains("--with-php", StringComparison.Ordinal))
                findings.Fail($"{script} = {line}: CloudLinux adds --with-php itself when it wants PHP details");
            else
                findings.Pass();
        }

        findings.NothingToJudge("no script line to look at");
        return findings;
    }

    private static Findings ServicePort(CheckContext context)
    {
        if (context.Config.Document is null)
            return Findings.Skipped("configparser cannot read the file");
        var runService = context.Config.Value(IntegrationConfig.LvemanagerSection, "run_service");
        if (runService != "1")
        {
            if (runService is not null and not "0")
            {
                var odd = new Findings();
                odd.Warn($"run_service = {runService}: only 1 turns the service on, anything else leaves it off");
                return odd;
            }

            return Findings.Skipped($"run_service is {(runService is null ? "not set" : "0")}: LVE Manager's own web server stays off");
        }

        var findings = new Findings();
        var port = context.Config.Value(IntegrationConfig.LvemanagerSection, "service_port");
        if (port is null)
            findings.Fail("run_service = 1 but service_port is missing");
        else if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit) || int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 65535)
            findings.Fail($"service_port = {port}: not a bare port number (1-65535)");
        else
            findings.Pass(detail: $"run_service = 1, service_port = {port}");
        return findings;
    }

    private static Findings SslFiles(CheckContext context)
    {
        if (context.Config.Document is null)
            return Findings.Skipped("configparser cannot read the file");
        if (context.Config.Value(IntegrationConfig.LvemanagerSection, "use_ssl") != "1")
            return Findings.Skipped("use_ssl is not 1");
        var findings = new Findings();
        foreach (var key in new[] { "ssl_cert", "ssl_key" })
        {
            var value = context.Config.Value(IntegrationConfig.LvemanagerSection, key);
            if (string.IsNullOrEmpty(value))
                findings.Fail($"use_ssl = 1 but {key} is missing");
            else if (!File.Exists(value))
                findings.Fail($"{key} = {value}: no such file");
            else
                findings.Pass(detail: $"{key} = {value}");
        }

        return findings;
    }

    private static Findings NoInlineComments(CheckContext context)
    {
        if (context.Config.Document is not { } document)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in document.Sections.Append(IniDocument.DefaultSection))
        {
            var names = section == IniDocument.DefaultSection ? document.DefaultOptions : document.Options(section);
            foreach (var name in names)
            {
                var raw = document.Raw(section, name) ?? "";
                if (!seen.Add(name + "\0" + raw))
                    continue;
                var at = Math.Max(raw.IndexOf(" ;", StringComparison.Ordinal), raw.IndexOf(" #", StringComparison.Ordinal));
                if (at >= 0)
                    findings.Warn($"[{section}] {name} = {raw}: configparser keeps '{raw[(at + 1)..]}' as part of the value");
                else
                    findings.Pass();
            }
        }

        return findings;
    }
}
