using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// The mode and owner of a file install does not own (the store, its secret). The prior mode and
/// owner are recorded once, so uninstall restores them; the file itself is never removed. As root,
/// a file whose folder a user other than root can change is refused (that user could swap the file
/// for a link to any file root would then chown), and the change is made on a descriptor opened
/// without following links (docs/contract.md section 6).
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
        if (context.AsRoot && FolderProblem() is { } problem)
            return problem;
        return Modes.Mismatch(status.Value, mode, Gid, context.AsRoot);
    }

    public void Apply(StepContext context)
    {
        var before = Libc.Owner(path);
        if (before is null)
            return;
        if (context.AsRoot && FolderProblem() is { } problem)
            throw CpvendorException.Untrusted($"refusing to secure {path}: {problem}; make its folder root's and writable by root only");
        if (!context.Manifest.Has(ChangeKind.ChangedMode, path))
            context.Manifest.Record(new Change(ChangeKind.ChangedMode, path, (int)before.Value.Mode, before.Value.Uid, before.Value.Gid));
        Libc.SetOwnerAndModeNoFollow(path, mode, context.AsRoot ? 0u : null, context.AsRoot ? Gid : null);
    }

    private string? FolderProblem()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        return TrustedPath.Problem(folder) is { } problem ? $"its folder can be changed by a user other than root ({problem})" : null;
    }
}
