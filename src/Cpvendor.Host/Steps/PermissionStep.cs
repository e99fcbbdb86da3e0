using Cpvendor.Core.Native;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// The mode and owner of a file install does not own (the store, its secret). The prior mode and
/// owner are recorded once, so uninstall restores them; the file itself is never removed.
/// </summary>
internal sealed class PermissionStep(string path, UnixFileMode mode, Func<uint> group, string why) : IInstallStep
{
    private uint Gid => group();

    public string Description => $"permissions {path} {Modes.Octal(mode)} root ({why})";

    public string? Check(StepContext context)
    {
        var status = Libc.Owner(path);
        if (status is null)
            return null; // nothing to secure: an optional file (the secret) that does not exist
        return Modes.Mismatch(status.Value, mode, Gid, context.AsRoot);
    }

    public void Apply(StepContext context)
    {
        var before = Libc.Owner(path);
        if (before is null)
            return;
        if (!context.Manifest.Has(ChangeKind.ChangedMode, path))
            context.Manifest.Record(new Change(ChangeKind.ChangedMode, path, (int)before.Value.Mode, before.Value.Uid, before.Value.Gid));
        File.SetUnixFileMode(path, mode);
        if (context.AsRoot)
            Libc.Chown(path, 0, Gid);
    }
}
