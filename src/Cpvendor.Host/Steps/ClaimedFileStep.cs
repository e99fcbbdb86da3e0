using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// A file install does not write now but that cpvendor will write later (PHP Selector's native.conf
/// once the panel has a native PHP, written by the lifecycle or a sync): its folder is created and
/// the path recorded as created, so that uninstall removes whatever is written there later. A file
/// that already exists is left to whoever owns it.
/// </summary>
internal sealed class ClaimedFileStep(string path, string what) : IInstallStep
{
    public string Description => $"folder for {path} ({what})";

    public string? Check(StepContext context) =>
        context.Manifest.Owns(path) || Core.Native.Libc.Owner(path) is not null ? null : "to be written by later changes";

    public void Apply(StepContext context)
    {
        context.EnsureDirectory(Path.GetDirectoryName(path)!, Modes.Dir);
        context.Manifest.Record(new Change(ChangeKind.CreatedFile, path));
    }
}
