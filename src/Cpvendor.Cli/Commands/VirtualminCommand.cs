using System.Collections;
using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Sources.Virtualmin;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor virtualmin event --phase pre|post [--pre-hook-timeout SECONDS]</c>: the command
/// <c>install --virtualmin</c> sets as Virtualmin's pre- and post-change command. It reads the
/// change from the <c>VIRTUALSERVER_*</c> environment Virtualmin gives it (docs/panels/virtualmin.md).
/// </summary>
internal static class VirtualminCommand
{
    public static Command Create()
    {
        var phase = new Option<string>("--phase") { Description = "pre (before Virtualmin changes a server) or post (after)", Required = true };
        phase.AcceptOnlyFromAmong("pre", "post");
        var timeout = new Option<int>("--pre-hook-timeout") { Description = "Seconds the pre-delete hook may hold up Virtualmin before it is stopped and queued", DefaultValueFactory = _ => 20 };
        var handle = new Command("event", "Turn one Virtualmin change into CloudLinux hooks (run by Virtualmin as root).") { phase, timeout };
        handle.SetAction(result =>
        {
            if (result.GetValue(timeout) < 1)
                throw CpvendorException.Invalid("--pre-hook-timeout must be 1 or more");
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
                environment[(string)entry.Key] = entry.Value as string ?? "";
            try
            {
                return VirtualminEvents.Handle(InstallLayout.LoadForThisBinary(), result.GetValue(phase) == "pre", environment, result.Out(), TimeSpan.FromSeconds(result.GetValue(timeout)));
            }
            catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
            {
                // A non-zero exit would abort Virtualmin's change: only the older chained command may do that.
                result.Out().WriteLine($"cpvendor: {e.Message}");
                return 0;
            }
        });
        return new Command("virtualmin", "Virtualmin as the panel: its change events.") { handle };
    }
}
