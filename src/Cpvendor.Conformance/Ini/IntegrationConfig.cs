using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Conformance.Ini;

/// <summary>
/// integration.ini as CloudLinux reads it (docs/contract.md section 4): the file through configparser,
/// each script line through <c>shlex.split</c>. Every problem is kept as a value for the checks to
/// report; a script whose line cannot be used has no command.
/// </summary>
internal sealed class IntegrationConfig
{
    public const string ScriptsSection = "integration_scripts";
    public const string LvemanagerSection = "lvemanager_config";

    private readonly Dictionary<string, IReadOnlyList<string>> commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> lines = new(StringComparer.Ordinal);
    private readonly List<string> problems = [];

    private IntegrationConfig(string path, IniDocument? document, IniError? readError)
    {
        Path = path;
        Document = document;
        ReadError = readError;
    }

    public string Path { get; }

    /// <summary>The parsed file; null when configparser would refuse it.</summary>
    public IniDocument? Document { get; }

    public IniError? ReadError { get; }

    /// <summary>Problems with individual script lines (missing, interpolation, quoting).</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>The interpolated line of each configured script.</summary>
    public IReadOnlyDictionary<string, string> Lines => lines;

    /// <summary>The argument vector prefix of a script, or null when it cannot be run.</summary>
    public IReadOnlyList<string>? Command(string script) => commands.GetValueOrDefault(script);

    /// <summary>The interpolated value of an option, or null when absent or broken.</summary>
    public string? Value(string section, string option) => Document?.Get(section, option).Value;

    public static IntegrationConfig Load(string path, byte[] bytes)
    {
        var (document, error) = ConfigParserReader.Read(bytes);
        var config = new IntegrationConfig(path, document, error);
        if (document is not null)
            config.ReadScripts(document);
        return config;
    }

    private void ReadScripts(IniDocument document)
    {
        if (!document.HasSection(ScriptsSection))
        {
            problems.Add($"no [{ScriptsSection}] section");
            return;
        }

        foreach (var grammar in Grammar.Scripts)
        {
            var (line, error) = document.Get(ScriptsSection, grammar.Script);
            if (error is not null)
            {
                problems.Add($"{grammar.Script}: {error}");
                continue;
            }

            lines[grammar.Script] = line!;
            var (words, splitError) = ShellWords.Split(line!);
            if (splitError is not null)
                problems.Add($"{grammar.Script}: shlex.split fails: {splitError}");
            else if (words!.Count == 0)
                problems.Add($"{grammar.Script}: the line is empty");
            else
                commands[grammar.Script] = words;
        }
    }

    /// <summary>The ui_user_info command of [lvemanager_config], split like a script line.</summary>
    public IReadOnlyList<string>? UiUserInfoCommand()
    {
        var line = Value(LvemanagerSection, "ui_user_info");
        if (line is null)
            return null;
        var (words, _) = ShellWords.Split(line);
        return words is { Count: > 0 } ? words : null;
    }
}
