using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi;
using Cpvendor.Cpapi.Publishing;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor cpapi SCRIPT [ARGS...]</c>: the eight integration scripts. stderr is pointed at
/// /dev/null first so that nothing, not even a runtime failure, can reach it; the answer is written
/// to stdout in one piece; the exit status of a well-formed envelope is always 0 (docs/contract.md section 2).
/// </summary>
internal static class CpapiCommand
{
    public static int Run(string[] args)
    {
        Libc.SilenceDescriptor(2);
        var answer = CpapiRunner.Run(args, InstallLayout.LoadForThisBinary, Environment.GetEnvironmentVariable);
        var written = Libc.WriteAll(1, answer.Span);
        // After the answer is out: a root call that finds the answer book behind the read model (its
        // builder was killed) starts one, so the book catches up without waiting for another change.
        if (Libc.GetEuid() == 0)
            AnswerBookCatchUp.StartIfBehind(InstallLayout.LoadForThisBinary);
        return written ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>A help entry only: the real dispatch happens in Program before parsing.</summary>
    public static Command CreateHelp()
    {
        var script = new Argument<string>("script") { Description = "panel_info, db_info, packages, users, domains, resellers, admins or php" };
        var command = new Command("cpapi", "Answer one CloudLinux integration script call (what integration.ini runs).") { script };
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }
}
