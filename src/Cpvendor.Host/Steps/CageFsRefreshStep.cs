using Cpvendor.Core.Processes;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// Makes CageFS pick up changed files (docs/contract.md section 7): <c>cagefsctl --force-update</c> then
/// <c>--remount-all</c>, only when a CageFS file changed in this run, only on the real root (a
/// folder standing for / has no running CageFS), and only when cagefsctl is installed.
/// </summary>
internal sealed class CageFsRefreshStep : IInstallStep
{
    public const string Tag = "cagefs";

    public string Description => "refresh CageFS (cagefsctl --force-update, --remount-all) when its files changed";

    public string? Check(StepContext context) => context.Raised.Contains(Tag) ? "CageFS files changed" : null;

    public void Apply(StepContext context) => Refresh(context.Root, context.IsRealRoot, context.Log, context.Warnings);

    public static void Refresh(string root, bool isRealRoot, TextWriter log, List<string> warnings)
    {
        var tool = Core.InstallLayout.Under(root, "usr/sbin/cagefsctl");
        if (!File.Exists(tool))
        {
            log.WriteLine("  CageFS is not installed here: nothing to refresh");
            return;
        }

        if (!isRealRoot)
        {
            log.WriteLine($"  {tool} not run: the install root is not the real /");
            return;
        }

        foreach (var argument in new[] { "--force-update", "--remount-all" })
        {
            var result = ChildProcess.Run([tool, argument], HostTools.Inherited with { Timeout = TimeSpan.FromMinutes(10) });
            if (result.ExitCode != 0)
                warnings.Add($"cagefsctl {argument} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        }
    }
}
