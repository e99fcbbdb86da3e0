using Cpvendor.Core.Processes;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// Announces an administrator that already exists to CloudLinux (docs/contract.md section 5):
/// <c>post_modify_admin.py create --name ADMIN</c>, run as an argument vector with a timeout, only
/// when the hooks directory exists. Recorded once announced, so a second install does not repeat
/// it; a failure is reported and retried by the next install.
/// </summary>
internal sealed class AdminHookStep(string hooksDir, string admin, string nameFlag, TimeSpan timeout) : IInstallStep
{
    private string Hook => Path.Combine(hooksDir, "post_modify_admin.py");

    public string Description => $"hook {Hook} create {nameFlag} {admin}";

    public string? Check(StepContext context)
    {
        if (!Directory.Exists(hooksDir) || context.Manifest.Has(ChangeKind.AnnouncedAdmin, admin))
            return null;
        return File.Exists(Hook) ? "not announced yet" : null;
    }

    public void Apply(StepContext context)
    {
        var result = ChildProcess.Run([Hook, "create", nameFlag, admin], new ChildOptions { Timeout = timeout });
        if (result.StartError is { } error)
        {
            context.Warnings.Add($"admin create hook for '{admin}' could not start: {error}");
            return;
        }

        if (result.TimedOut || result.ExitCode != 0)
        {
            var why = result.TimedOut ? $"did not finish within {timeout.TotalSeconds:0} s" : $"exited {result.ExitCode}: {result.Stderr.Trim()}";
            context.Warnings.Add($"admin create hook for '{admin}' {why}; run 'cpvendor install' again to retry");
            return;
        }

        context.Manifest.Record(new Change(ChangeKind.AnnouncedAdmin, admin));
    }
}
