using Cpvendor.Conformance.Ini;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.Conformance.Preflight;

/// <summary>
/// What the checker verifies before it runs anything as root (docs/security.md, "Paths root
/// trusts"): the ini and every program its lines name, interpreter and script file alike, can be
/// changed by root alone. Otherwise a user who can write any of them would have root run their
/// commands. Run as any other user, the checker runs scripts with that user's rights only, so
/// nothing is required.
/// </summary>
public static class TrustPreflight
{
    /// <summary>Null when the checker may run the lines of <paramref name="iniPath"/> as this process; otherwise why not.</summary>
    public static string? Refusal(string iniPath)
    {
        if (Libc.GetEuid() != 0)
            return null;
        var path = Path.GetFullPath(iniPath);

        // A missing ini is the checker's to report, unless someone other than root could still make
        // it: the nearest folder above it that exists must be root's alone.
        if (Libc.LinkStatus(path) is null)
        {
            var existing = Path.GetDirectoryName(path) ?? "/";
            while (Libc.LinkStatus(existing) is null && Path.GetDirectoryName(existing) is { } parent)
                existing = parent;
            if (TrustedPath.Problem(existing) is null)
                return null;
        }

        if (TrustedPath.Problem(path) is { } iniProblem)
            return $"{path} can be changed by a user other than root ({iniProblem})";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the checker reports an unreadable ini itself
        }

        var config = IntegrationConfig.Load(path, bytes);
        var commands = Grammar()
            .Select(config.Command)
            .Append(config.UiUserInfoCommand())
            .OfType<IReadOnlyList<string>>();
        foreach (var words in commands)
        {
            foreach (var file in ProgramFiles(words))
            {
                if (TrustedPath.Problem(file) is { } problem)
                    return $"{path} runs {file}, which a user other than root can change ({problem})";
            }
        }

        return null;
    }

    private static IEnumerable<string> Grammar() => Contract.Grammar.Scripts.Select(g => g.Script);

    /// <summary>The program of a line and every absolute path among its words that names a file (an interpreter's script).</summary>
    private static IEnumerable<string> ProgramFiles(IReadOnlyList<string> words)
    {
        if (Running.ProgramWord.Path(words[0]) is var program && File.Exists(program))
            yield return program;
        foreach (var word in words.Skip(1))
        {
            if (word.StartsWith('/') && File.Exists(word))
                yield return word;
        }
    }
}
