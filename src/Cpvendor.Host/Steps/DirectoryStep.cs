using Cpvendor.Core.Native;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>A folder with an exact mode, owned by root when installing as root.</summary>
internal sealed class DirectoryStep(string path, UnixFileMode mode, uint gid = 0) : IInstallStep
{
    public string Description => $"directory {path} {Modes.Octal(mode)}";

    public string? Check(StepContext context)
    {
        var status = Libc.Owner(path);
        if (status is null)
            return "missing";
        return Modes.Mismatch(status.Value, mode, gid, context.AsRoot);
    }

    public void Apply(StepContext context)
    {
        var before = Libc.Owner(path);
        if (before is null)
        {
            context.EnsureDirectory(path, mode);
        }
        else if (!context.Manifest.Owns(path))
        {
            context.Manifest.Record(new Change(ChangeKind.ChangedMode, path, (int)before.Value.Mode, before.Value.Uid, before.Value.Gid));
        }

        Libc.SetOwnerAndModeNoFollow(path, mode, context.AsRoot ? 0u : null, context.AsRoot ? gid : null, directory: true);
    }
}
