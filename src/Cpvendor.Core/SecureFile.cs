using Cpvendor.Core.Native;

namespace Cpvendor.Core;

/// <summary>
/// Writes files the way a root process must on a shared host: a new file with its final mode from the
/// first byte, written and flushed to disk, then renamed over the old one, so that readers see either
/// the old or the new content and never a file with looser permissions.
/// </summary>
public static class SecureFile
{
    public static void WriteAtomic(string path, ReadOnlySpan<byte> content, UnixFileMode mode, uint? owner = null, uint? group = null) =>
        Rename(WriteTemporary(path, content, [], mode, owner, group, flushToDisk: true), path);

    /// <summary>
    /// As <see cref="WriteAtomic(string, ReadOnlySpan{byte}, UnixFileMode, uint?, uint?)"/>, the content
    /// given as <paramref name="parts"/> written one after the other: a file spliced from runs of
    /// another and a few new lines is written without first being joined into one array.
    /// </summary>
    public static void WriteAtomic(string path, IReadOnlyList<ReadOnlyMemory<byte>> parts, UnixFileMode mode, uint? owner = null, uint? group = null) =>
        Rename(WriteTemporary(path, [], parts, mode, owner, group, flushToDisk: true), path);

    internal static string WriteTemporary(string path, ReadOnlySpan<byte> content, UnixFileMode mode, uint? owner, uint? group, bool flushToDisk) =>
        WriteTemporary(path, content, [], mode, owner, group, flushToDisk);

    private static void Rename(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Writes <paramref name="content"/> to a new hidden file beside <paramref name="path"/>, created with
    /// its final mode and owner; returns its name. The caller renames it into place.
    /// </summary>
    private static string WriteTemporary(string path, ReadOnlySpan<byte> content, IReadOnlyList<ReadOnlyMemory<byte>> parts, UnixFileMode mode, uint? owner, uint? group, bool flushToDisk)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = mode,
            };
            using (var stream = new FileStream(temp, options))
            {
                // The create mode is filtered by the umask; set it exactly, and the owner, on the file
                // this stream opened: by name, a file swapped in for it since would be changed instead.
                if (owner is not null || group is not null)
                    Libc.Fchown(stream.SafeFileHandle, owner ?? uint.MaxValue, group ?? uint.MaxValue);
                File.SetUnixFileMode(stream.SafeFileHandle, mode);
                stream.Write(content);
                foreach (var part in parts)
                    stream.Write(part.Span);
                stream.Flush(flushToDisk);
            }

            return temp;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
