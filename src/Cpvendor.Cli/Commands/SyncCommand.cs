using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Sources;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor sync [--quiet] [--status]</c>: one sync from the panel database (what the systemd
/// timer runs), or the state of the last ones. A hook that fails does not fail the sync: its event
/// stays queued (<c>cpvendor hooks list</c>) and is retried by the next syncs.
/// </summary>
internal static class SyncCommand
{
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
                return state.Staleness is null && state.LastError is null ? ExitCodes.Success : ExitCodes.Failure;
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
            if (report.Delivery.LockBusy && report.Hooks.Count > 0)
                error.WriteLine("hooks: another cpvendor process is delivering; it or the next sync delivers these");
            else if (report.Delivery.StillPending > 0)
                error.WriteLine($"hooks: {report.Delivery.StillPending} queued after a failure, retried by the next syncs (cpvendor hooks list)");

            return ExitCodes.Success;
        });
        return command;
    }

}
