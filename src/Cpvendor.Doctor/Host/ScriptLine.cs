using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Doctor.Host;

/// <summary>One script line of integration.ini after interpolation and shell splitting, as CloudLinux runs it.</summary>
internal sealed record ScriptLine(string Script, string Value, IReadOnlyList<string> Words)
{
    public string Program => Words[0];

    /// <summary>The program as a path under the root (a copied tree keeps its absolute paths).</summary>
    public string ProgramUnder(HostView host) => Program.StartsWith(host.Root + "/", StringComparison.Ordinal) ? Program : host.Under(Program);

    /// <summary>The program as the host sees it (a path written under a test root is mapped back to /).</summary>
    public string HostPath(HostView host) => host.HostPath(Program);

    /// <summary>The script lines that parse and split; broken ones are reported by the ini check.</summary>
    public static IReadOnlyList<ScriptLine> Of(HostView host)
    {
        var lines = new List<ScriptLine>();
        if (host.Ini.Ini is not { } ini || !ini.HasSection("integration_scripts"))
            return lines;
        foreach (var grammar in Grammar.Scripts)
        {
            var (value, error) = ini.Get("integration_scripts", grammar.Script);
            if (error is not null || value is null)
                continue;
            if (ShellWords.Split(value).Words is { Count: > 0 } words)
                lines.Add(new ScriptLine(grammar.Script, value, words));
        }

        return lines;
    }
}
