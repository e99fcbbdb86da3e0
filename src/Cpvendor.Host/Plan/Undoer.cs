using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;
using Cpvendor.Core.Processes;
using Cpvendor.Host.Steps;

namespace Cpvendor.Host.Plan;

/// <summary>
/// Uninstall: undoes the manifest's changes in reverse order. Created files go, replaced files get
/// their prior content, mode and owner back, changed modes are restored, added lines removed,
/// created folders removed when empty. Nothing the manifest does not name is touched; the store
/// only gets its prior mode back.
/// </summary>
internal static class Undoer
{
    public static UninstallReport Undo(string root, TextWriter log)
    {
        var manifest = InstallManifest.Load(root);
        if (manifest.Changes.Count == 0 && !File.Exists(manifest.Path))
            throw CpvendorException.NotInstalled($"no {manifest.Path}: nothing was installed into {root}");
        var undone = new List<string>();
        var kept = new List<string>();
        var cagefsTouched = false;
        var pending = manifest.Changes.Reverse().ToList();
        manifest.Delete();
        for (var i = 0; i < pending.Count; i++)
        {
            var change = pending[i];
            try
            {
                if (Undo(change, root, kept) is { } line)
                    undone.Add(line);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
            {
                // Keep what is left to undo, so that a second uninstall can finish the job.
                InstallManifest.Remaining(root, pending.Skip(i).Reverse()).Save(Libc.GetEuid() == 0);
                throw CpvendorException.Io($"uninstall stopped at {change.Kind} {change.Target}: {e.Message}", e);
            }

            cagefsTouched |= change.Target.StartsWith(HostLayout.CageFsDir(root) + "/", StringComparison.Ordinal);
        }

        var warnings = new List<string>();
        if (cagefsTouched)
            CageFsRefreshStep.Refresh(root, Path.GetFullPath(root) == "/", log, warnings);
        return new UninstallReport(undone, kept, warnings);
    }

    private static string? Undo(Change change, string root, List<string> kept)
    {
        switch (change.Kind)
        {
            case ChangeKind.CreatedFile:
                if (!File.Exists(change.Target) && !Directory.Exists(change.Target))
                    return null;
                File.Delete(change.Target);
                return $"removed {change.Target}";
            case ChangeKind.ReplacedFile:
                SecureFile.WriteAtomic(change.Target, Convert.FromBase64String(change.Detail ?? ""), (UnixFileMode)(change.Mode ?? 0b110_100_100), change.Uid, change.Gid);
                return $"restored {change.Target}";
            case ChangeKind.ChangedMode:
                if (Libc.Owner(change.Target) is null)
                    return null;
                var asRoot = Libc.GetEuid() == 0;
                Libc.SetOwnerAndModeNoFollow(change.Target, (UnixFileMode)(change.Mode ?? 0), asRoot ? change.Uid : null, asRoot ? change.Gid : null, directory: null);
                return $"restored mode {Modes.OctalOf(change.Mode ?? 0)} of {change.Target}";
            case ChangeKind.AddedLine:
                return RemoveLine(change.Target, change.Detail ?? "");
            case ChangeKind.CreatedTree:
                if (!Directory.Exists(change.Target))
                    return null;
                DescriptorTree.Remove(change.Target);
                return $"removed {change.Target} and its content";
            case ChangeKind.CreatedDir:
                if (!Directory.Exists(change.Target))
                    return null;
                if (Directory.EnumerateFileSystemEntries(change.Target).Any())
                {
                    kept.Add($"{change.Target}: not empty, left in place");
                    return null;
                }

                Directory.Delete(change.Target);
                return $"removed {change.Target}";
            case ChangeKind.CreatedGroup:
                if (Path.GetFullPath(root) != "/")
                {
                    kept.Add($"group '{change.Target}': shared with the host, left in place (the install root is not /)");
                    return null;
                }

                if (SystemTools.Find("groupdel") is not { } groupdel)
                {
                    kept.Add($"group '{change.Target}': no groupdel in the system folders, left in place");
                    return null;
                }

                var result = ChildProcess.Run([groupdel, change.Target], HostTools.Inherited);
                return result.ExitCode == 0 ? $"removed group {change.Target}" : null;
            case ChangeKind.SetKey:
                return VirtualminCommandStep.Restore(change, kept);
            case ChangeKind.AnnouncedAdmin:
                kept.Add($"admin '{change.Target}': stays known to CloudLinux; the panel announces its removal");
                return null;
            default:
                return null;
        }
    }

    private static string? RemoveLine(string path, string line)
    {
        if (!File.Exists(path))
            return null;
        var lines = File.ReadAllText(path).Split('\n').ToList();
        var index = lines.FindIndex(l => l.Trim() == line);
        if (index < 0)
            return null;
        lines.RemoveAt(index);
        var status = Libc.Owner(path)!.Value;
        SecureFile.WriteAtomic(path, Installer.Utf8(string.Join('\n', lines)), status.Mode, status.Uid, status.Gid);
        return $"removed '{line}' from {path}";
    }
}
