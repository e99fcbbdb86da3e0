using Cpvendor.Host.Plan;
using Cpvendor.Panel.Selector;

namespace Cpvendor.Host.Steps;

/// <summary>
/// Applies a changed <c>/etc/cl.selector/native.conf</c> with <c>cagefsctl --setup-cl-selector</c>
/// (the seed's "Integrating CloudLinux PHP Selector"; docs/contract.md section 7): when the file
/// changed in this run, or on the real root when the last applied file is not the current one.
/// Never run for a folder standing for /, where the command is printed instead.
/// </summary>
internal sealed class ClSelectorSetupStep(Func<Core.InstallConfig> config) : IInstallStep
{
    public const string Tag = "cl-selector";

    public string Description => "apply native.conf (cagefsctl --setup-cl-selector) when it changed";

    public string? Check(StepContext context)
    {
        if (context.Raised.Contains(Tag))
            return "native.conf changed";
        var path = NativePhpConf.PathUnder(context.Root);
        if (!context.IsRealRoot || !File.Exists(NativePhpConf.CageFsCtl(context.Root)) || !File.Exists(path))
            return null;
        var stamp = NativePhpConf.StampPath(config());
        var applied = File.Exists(stamp) ? File.ReadAllText(stamp).Trim() : null;
        return applied == NativePhpConf.Hash(File.ReadAllBytes(path)) ? null : "native.conf not applied yet";
    }

    public void Apply(StepContext context)
    {
        var path = NativePhpConf.PathUnder(context.Root);
        if (!File.Exists(path))
            return;
        var settings = config();
        var stampExisted = File.Exists(NativePhpConf.StampPath(settings));
        var outcome = NativePhpConf.Apply(settings, File.ReadAllBytes(path));
        context.Log.WriteLine("  " + outcome);
        if (outcome.Contains("failed", StringComparison.Ordinal) || outcome.Contains("timed out", StringComparison.Ordinal))
            context.Warnings.Add(outcome);
        if (!stampExisted && File.Exists(NativePhpConf.StampPath(settings)))
            context.Manifest.Record(new Change(ChangeKind.CreatedFile, NativePhpConf.StampPath(settings)));
    }
}
