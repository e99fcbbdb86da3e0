using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Sources;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor sync [--quiet] [--status]</c>: one sync from the panel database (what the systemd
/// timer runs), or the state of the last ones. A hook that fails does not fail the sync: its event
/// stays queued (<c>cpvendor hooks list</c>) and is retried by the next syncs. Records the panel has
/// but the sync could not accept are listed on stderr, and the sync exits
/// <see cref="ExitCodes.SyncRejectedRecords"/> (docs/contract.md section 8).
/// </summary>
internal static class SyncCommand
{
    /// <summary>How many rejected records a sync prints before it only counts the rest.</summary>
    private const int RejectedShown = 20;

    public static Command Create()
    {
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing on success" };
        var status = new Option<bool>("--status") { Description = "Only show the last good sync, the last error and the staleness" };
        var command = new Command("sync", "Copy this host's slice of the panel database into the local store (run as root).") { quiet, status };
        command.SetAction(result =>
        {
            var config = InstallLayout.LoadForThisBinary();
            var output = result.Out();
            if (result.GetValue(status))
            {
                var now = DateTimeOffset.UtcNow;
                var state = SyncStatus.Read(config, now);
                foreach (var line in state.Describe(now))
                    output.WriteLine(line);
                return state.Staleness is not null || state.LastError is not null ? ExitCodes.Failure
                    : state.Rejected.Count > 0 ? ExitCodes.SyncRejectedRecords
                    : ExitCodes.Success;
            }

            var report = SyncRunner.Run(config);
            if (!result.GetValue(quiet))
            {
                output.WriteLine($"synced {report.Users} accounts and {report.Domains} domains in {report.Elapsed.TotalMilliseconds:F0} ms"
                    + (report.Changed ? $": {report.RepublishedUids} per-user files republished, {report.Hooks.Count} hooks" : report.Unchanged ? ": no change (change marker unchanged, panel not read)" : ": no change"));
                output.WriteLine($"read {report.Read.TotalMilliseconds:F0} ms, apply {report.Apply.TotalMilliseconds:F0} ms, publish and deliver {report.Publish.TotalMilliseconds:F0} ms");
            }

            // Not an error of the sync (the change is made), but worth a line in the timer's journal.
            var error = result.InvocationConfiguration.Error;
            if (report.Rejected.Count > 0)
            {
                error.WriteLine($"rejected: {report.Rejected.Count} record(s) of the panel were not accepted; each keeps its last accepted version or waits (docs/contract.md section 8):");
                foreach (var line in report.Rejected.Take(RejectedShown))
                    error.WriteLine("  " + line);
                if (report.Rejected.Count > RejectedShown)
                    error.WriteLine($"  ... and {report.Rejected.Count - RejectedShown} more (cpvendor sync --status lists them all)");
            }

            if (report.Delivery.LockBusy && report.Hooks.Count > 0)
                error.WriteLine("hooks: another cpvendor process is delivering; it or the next sync delivers these");
            else if (report.Delivery.StillPending > 0)
                error.WriteLine($"hooks: {report.Delivery.StillPending} queued after a failure, retried by the next syncs (cpvendor hooks list)");

            return report.Rejected.Count > 0 ? ExitCodes.SyncRejectedRecords : ExitCodes.Success;
        });
        return command;
    }

}
