using Cpvendor.Core.Processes;
using Cpvendor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 2: each script line of integration.ini, run as root the way CloudLinux runs
/// it (argument vector, clean environment), answers exactly one envelope with result ok, exit 0 and
/// nothing on stderr.
/// </summary>
internal sealed class EveryScriptLineAnswersAValidEnvelope : Check
{
    /// <summary>What to do about a line root will not run (docs/security.md, "Paths root trusts").</summary>
    internal const string UntrustedFix = "make the program, its folders and integration.ini root's and writable by root only; or run the doctor with --allow-untrusted";

    public override string Name => "Every script line answers a valid envelope";

    public override string Section => "2";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var lines = ScriptLine.Of(host);
        if (lines.Count == 0)
        {
            yield return Unknown("no script line could be read", host.Ini.Problem ?? host.IniPath, "fix integration.ini first");
            yield break;
        }

        var fine = new List<string>();
        foreach (var line in lines)
        {
            var program = line.ProgramUnder(host);
            if (!File.Exists(program))
            {
                yield return Error($"{line.Script}: {line.Program} does not exist", line.Value, "run 'cpvendor install', or correct the path in integration.ini");
                continue;
            }

            if (host.RunTrust.Refusal(program, line.Words.Skip(1)) is { } refusal)
            {
                yield return Error($"{line.Script}: not run as root", refusal, UntrustedFix);
                continue;
            }

            var run = ChildProcess.Run([program, .. line.Words.Skip(1)], host.RunTrust.Options);
            if (run.StartError is { } startProblem)
            {
                yield return Error($"{line.Script}: {line.Program} cannot be started", startProblem, $"chmod 0755 {program}");
                continue;
            }

            var problem = EnvelopeVerdict.Judge(run, out var result);
            if (problem is not null)
                yield return Error($"{line.Script}: {problem}", line.Value, "run the line by hand as root; 'cpvendor publish' if data is missing");
            else if (result != "ok")
                yield return Error($"{line.Script}: answered {result} to an unfiltered call", EnvelopeVerdict.Clip(run.Stdout), "read the message; an unfiltered call must succeed");
            else
                fine.Add(line.Script);
        }

        if (fine.Count > 0)
            yield return Ok($"answered ok: {string.Join(", ", fine)}");
    }
}
