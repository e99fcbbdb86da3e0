using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor batch</c>: lifecycle commands, one per line on stdin, applied in one store transaction
/// with one publish and the hooks of all of them delivered in order afterwards (docs/lifecycle.md,
/// "Batches"). Any line that fails (bad words, bad input, a rule broken) rolls back every line.
/// </summary>
internal static class BatchCommand
{
    private static readonly string[] Allowed = ["admin", "reseller", "package", "user", "domain", "db"];

    public static Command Create()
    {
        var command = new Command("batch", "Apply lifecycle commands read from stdin, one per line, in one transaction (all or nothing).");
        command.SetAction(result =>
        {
            var lines = new List<string>();
            string? line;
            while ((line = Console.In.ReadLine()) is not null)
                lines.Add(line);
            var change = PanelService.ForThisInstall().Batch(s => ApplyAll(s, lines));
            return Lifecycle.Report(result, change);
        });
        return command;
    }

    /// <summary>Runs every line on the batch's service; returns what each printed and a count.</summary>
    private static string ApplyAll(PanelService service, List<string> lines)
    {
        var output = new System.Text.StringBuilder();
        var applied = 0;
        Lifecycle.BatchService = service;
        try
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var words = BatchLine.Split(lines[i], i + 1);
                if (words.Count == 0)
                    continue;
                if (!Allowed.Contains(words[0]))
                    throw CpvendorException.Invalid($"line {i + 1}: '{Shorten(words[0])}' is not a lifecycle command (one of {string.Join(", ", Allowed)})");
                using var lineOutput = new StringWriter();
                using var lineError = new StringWriter();
                var status = Cli.Invoke([.. words], lineOutput, lineError, Commands());
                if (status != 0)
                {
                    var why = lineError.ToString().Trim().Replace("cpvendor: ", "", StringComparison.Ordinal);
                    throw CpvendorException.Invalid($"line {i + 1}: {(why.Length == 0 ? $"exit status {status}" : why)}; nothing was changed");
                }

                output.Append(lineOutput.ToString());
                applied++;
            }
        }
        finally
        {
            Lifecycle.BatchService = null;
        }

        return output.Append($"applied {applied} changes in one transaction").ToString();
    }

    private static Command[] Commands() =>
    [
        AdminCommand.Create(), ResellerCommand.Create(), PackageCommand.Create(),
        UserCommand.Create(), DomainCommand.Create(), DbCommand.Create(),
    ];

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
