using Cpvendor.Core.Processes;
using Cpvendor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 1: panel_info and domains are called by every UNIX user, so they must answer
/// an unprivileged caller (run as <c>nobody</c> through setpriv) with an ok envelope.
/// </summary>
internal sealed class ScriptsForEveryUserAnswerAnUnprivilegedCaller : Check
{
    private const string Nobody = "65534";
    private static readonly string[] UserScripts = ["panel_info", "domains"];

    public override string Name => "Scripts for every user answer an unprivileged caller";

    public override string Section => "1";

    public override IEnumerable<Finding> Run(HostView host)
    {
        const string setpriv = "/usr/bin/setpriv";
        if (!File.Exists(setpriv))
        {
            yield return Unknown("setpriv is not installed: cannot run a script as an unprivileged user", setpriv, "install util-linux");
            yield break;
        }

        var lines = ScriptLine.Of(host).Where(l => UserScripts.Contains(l.Script)).ToList();
        if (lines.Count == 0)
        {
            yield return Unknown("no panel_info or domains line could be read", host.IniPath, "fix integration.ini first");
            yield break;
        }

        var fine = new List<string>();
        foreach (var line in lines)
        {
            if (host.RunTrust.Refusal(line.ProgramUnder(host), line.Words.Skip(1)) is { } refusal)
            {
                yield return Error($"{line.Script}: not run", refusal, EveryScriptLineAnswersAValidEnvelope.UntrustedFix);
                continue;
            }

            string[] argv = [setpriv, $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "--", line.ProgramUnder(host), .. line.Words.Skip(1)];
            var run = ChildProcess.Run(argv, HostTools.Checked);
            var problem = EnvelopeVerdict.Judge(run, out var result);
            if (problem is not null || result != "ok")
            {
                yield return Error($"{line.Script} as an unprivileged user: {problem ?? "answered " + result}", EnvelopeVerdict.Clip(run.Stdout),
                    "the binary and every folder above it must be 0755; panel_info reads the public published file ('cpvendor publish')");
            }
            else
            {
                fine.Add(line.Script);
            }
        }

        if (fine.Count > 0)
            yield return Ok($"answered ok as nobody: {string.Join(", ", fine)}");
    }
}
