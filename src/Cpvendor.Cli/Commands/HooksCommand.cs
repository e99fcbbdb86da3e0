using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor hooks list [--all] | run | skip ID</c>: the queue of CloudLinux hook events.</summary>
internal static class HooksCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Include delivered and skipped events" };
        var list = new Command("list", "Show pending hook events, oldest first.") { all };
        list.SetAction(r =>
        {
            var output = r.Out();
            var events = HookOutbox.List(InstallLayout.LoadForThisBinary(), r.GetValue(all));
            foreach (var e in events)
            {
                var next = e.NextAttemptAt is { } at ? $" next {at:yyyy-MM-ddTHH:mm:ssZ}" : "";
                var error = e.LastError is null ? "" : $" ({e.LastError})";
                output.WriteLine($"{e.Id} {e.State.ToString().ToLowerInvariant()} {e.Phase.ToString().ToLowerInvariant()} attempts={e.Attempts}{next} {e.CommandLine}{error}");
            }

            if (events.Count == 0)
                output.WriteLine(r.GetValue(all) ? "no hook events" : "no pending hook events");
            return ExitCodes.Success;
        });

        var run = new Command("run", "Deliver every pending event now, in order.");
        run.SetAction(r =>
        {
            var report = HookDelivery.RunPending(InstallLayout.LoadForThisBinary(), ignoreBackoff: true);
            if (report.LockBusy)
                throw CpvendorException.Io("another cpvendor process is delivering hooks; try again when it is done");
            r.Out().WriteLine($"delivered {report.Delivered}, skipped {report.Skipped}, failed {report.Failed}, waiting behind a failure {report.Waiting}");
            return report.StillPending == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });

        var id = new Argument<long>("ID");
        var skip = new Command("skip", "Never deliver one pending event; the events behind it go on.") { id };
        skip.SetAction(r =>
        {
            if (!HookOutbox.Skip(InstallLayout.LoadForThisBinary(), r.GetValue(id)))
                throw CpvendorException.Invalid($"no pending hook event {r.GetValue(id)}");
            r.Out().WriteLine($"skipped hook event {r.GetValue(id)}");
            return ExitCodes.Success;
        });

        return new Command("hooks", "The queue of CloudLinux hook events.") { list, run, skip };
    }
}
