using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// A file with exact content, mode and owner, written atomically. A file that existed before install
/// and was not ours is saved into the manifest first, so that uninstall puts it back.
/// </summary>
internal sealed class FileStep(string path, Func<byte[]> content, UnixFileMode mode, uint gid = 0, string? raises = null, string? what = null) : IInstallStep
{
    private byte[]? bytes;

    public string? Raises => raises;

    public string Description => $"file {path} {Modes.Octal(mode)}{(what is null ? "" : " (" + what + ")")}";

    private byte[] Content => bytes ??= content();

    public string? Check(StepContext context)
    {
        var status = Libc.Owner(path);
        if (status is null)
            return "missing";
        if (!SameContent())
            return "content differs";
        return Modes.Mismatch(status.Value, mode, gid, context.AsRoot);
    }

    public void Apply(StepContext context)
    {
        var before = Libc.Owner(path);
        if (before is null)
        {
            context.EnsureDirectory(Path.GetDirectoryName(path)!, Modes.Dir);
            context.Manifest.Record(new Change(ChangeKind.CreatedFile, path));
        }
        else if (!context.Manifest.Owns(path))
        {
            var prior = Convert.ToBase64String(File.ReadAllBytes(path));
            context.Manifest.Record(new Change(ChangeKind.ReplacedFile, path, (int)before.Value.Mode, before.Value.Uid, before.Value.Gid, prior));
        }

        if (before is not null && SameContent())
        {
            // Only the mode or owner is off: fix them without rewriting (the mtime stays), on the file
            // itself, never on what a link in its place points at.
            Libc.SetOwnerAndModeNoFollow(path, mode, context.AsRoot ? 0u : null, context.AsRoot ? gid : null);
        }
        else
        {
            SecureFile.WriteAtomic(path, Content, mode, context.AsRoot ? 0u : null, context.AsRoot ? gid : null);
        }

    }

    private bool SameContent()
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == Content.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(Content);
    }
}
