using Cpvendor.Core;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// The script lines of an installed integration.ini, taken the way CloudLinux takes them
/// (docs/contract.md section 4): the <c>[integration_scripts]</c> section through configparser's
/// rules (<c>=</c> or <c>:</c> between name and value, <c>#</c> and <c>;</c> comment lines, indented
/// continuation lines, <c>%%</c> for a percent sign), each line through <c>shlex.split</c>, and the
/// caller's arguments appended. A test calling through it runs whatever program the install names,
/// whichever binary that is.
/// </summary>
public sealed class IniScripts
{
    private const string Section = "integration_scripts";
    private readonly Dictionary<string, string[]> commands;

    private IniScripts(Dictionary<string, string[]> commands) => this.commands = commands;

    /// <summary>The script lines of the install's integration.ini as it is now.</summary>
    public static IniScripts Of(TempInstall install)
    {
        ArgumentNullException.ThrowIfNull(install);
        return Read(File.ReadAllText(install.Ini));
    }

    public static IniScripts Read(string ini)
    {
        ArgumentNullException.ThrowIfNull(ini);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? section = null, option = null;
        foreach (var line in ini.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                option = null;
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && option is not null)
            {
                values[option] += "\n" + trimmed;
                continue;
            }

            if (trimmed[0] == '[' && trimmed[^1] == ']')
            {
                section = trimmed[1..^1];
                option = null;
                continue;
            }

            var at = trimmed.IndexOfAny(['=', ':']);
            Assert.True(at > 0, $"integration.ini has a line configparser refuses: {line}");
            option = section == Section ? trimmed[..at].Trim().ToLowerInvariant() : null;
            if (option is not null)
                values[option] = trimmed[(at + 1)..].Trim();
        }

        var commands = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            Assert.DoesNotContain("%(", value, StringComparison.Ordinal);
            var (words, error) = ShellWords.Split(value.Replace("%%", "%", StringComparison.Ordinal));
            Assert.True(error is null && words!.Count > 0, $"the {name} line does not split: {value} ({error})");
            commands[name] = [.. words!];
        }

        return new IniScripts(commands);
    }

    /// <summary>The argument vector the ini gives a script, before CloudLinux's arguments.</summary>
    public IReadOnlyList<string> Command(string script) =>
        commands.TryGetValue(script, out var words) ? words : throw new Xunit.Sdk.XunitException($"integration.ini names no {script} script");

    /// <summary>Runs a script as CloudLinux does, optionally as another user: its line, then <paramref name="args"/>.</summary>
    public RunResult Call(RunAs? user, string script, params string[] args)
    {
        var words = Command(script);
        return Run.Program(words[0], [.. words.Skip(1), .. args], user);
    }

    /// <summary>As root.</summary>
    public RunResult Call(string script, params string[] args) => Call(null, script, args);
}
