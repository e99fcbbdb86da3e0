using System.Globalization;
using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The unfiltered <c>users</c> and <c>domains</c> answers of an administrator, published as the exact
/// bytes the live query prints and stamped with the state of the store they were built from (its
/// revision, modification time and size: a commit changes the revision and the time, a store
/// recreated in place changes the time). A call is served from one only while the store is still in that state; any
/// doubt (missing, unreadable, damaged, stale) answers from the store as if there were no snapshot. Listing every
/// account is what CloudLinux asks most and costs most: this turns it into one read and one write.
/// Files are 0640 root:admin group in a 0750 folder, as readable as the store itself (docs/contract.md section 6).
/// </summary>
public static class AnswerSnapshot
{
    /// <summary>The argument lists answered from a snapshot: exactly the script name, nothing else.</summary>
    public static readonly IReadOnlyList<string> Scripts = ["users", "domains"];

    private const UnixFileMode FolderMode = FileModes.GroupFolder;
    private const UnixFileMode FileMode = FileModes.GroupFile;
    private static readonly byte[] Magic = "cpvendor-answer "u8.ToArray();

    public static string Folder(InstallConfig config) => Path.Combine(config.DataDir, "admin");

    public static string FileOf(InstallConfig config, string script) => Path.Combine(Folder(config), script + ".json");

    /// <summary>Whether a call may be answered from a snapshot: an administrator asking for a whole list.</summary>
    public static bool Applies(IReadOnlyList<string> args, bool seesEverything) =>
        seesEverything && args.Count == 1 && Scripts.Contains(args[0]);

    /// <summary>
    /// What identifies one read-model generation: its revision, the generation file's modification
    /// time (100 ns ticks) and size. Every publish renames a new file into place.
    /// </summary>
    public static string Stamp(InstallConfig config, long revision)
    {
        var generation = new FileInfo(Store.ReadModel.ReadModelFiles.Current(config));
        return string.Create(CultureInfo.InvariantCulture, $"{revision} {generation.LastWriteTimeUtc.Ticks} {generation.Length}");
    }

    /// <summary>The published answer if it was built from the store state <paramref name="stamp"/>, else null.</summary>
    public static ReadOnlyMemory<byte>? TryRead(InstallConfig config, string script, string stamp)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FileOf(config, script));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var span = bytes.AsSpan();
        var newline = span.IndexOf((byte)'\n');
        if (!span.StartsWith(Magic) || newline < 0 || newline + 1 >= bytes.Length
            || !Encoding.ASCII.GetString(span[Magic.Length..newline]).Equals(stamp, StringComparison.Ordinal))
        {
            return null;
        }

        return bytes.AsMemory(newline + 1);
    }

    /// <summary>Publishes one answer built from the store state <paramref name="stamp"/> (run as root).</summary>
    public static void Write(InstallConfig config, string script, string stamp, ReadOnlySpan<byte> answer)
    {
        var folder = Folder(config);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, FolderMode);
        var asRoot = Core.Native.Libc.GetEuid() == 0;
        if (asRoot)
            Core.Native.Libc.Chown(folder, 0, config.AdminGid ?? 0);
        var header = Encoding.ASCII.GetBytes(stamp + "\n");
        var content = new byte[Magic.Length + header.Length + answer.Length];
        Magic.CopyTo(content, 0);
        header.CopyTo(content, Magic.Length);
        answer.CopyTo(content.AsSpan(Magic.Length + header.Length));
        SecureFile.WriteAtomic(FileOf(config, script), content, FileMode, asRoot ? 0u : null, asRoot ? config.AdminGid ?? 0 : null);
    }

    /// <summary>Removes a snapshot (a failed rebuild must not leave an older one looking current).</summary>
    public static void Remove(InstallConfig config, string script) => File.Delete(FileOf(config, script));
}
