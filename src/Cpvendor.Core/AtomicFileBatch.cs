namespace Cpvendor.Core;

/// <summary>
/// Replaces many files at once with the guarantees of <see cref="SecureFile.WriteAtomic"/> (final mode
/// and owner from the first byte, old or new content, never a torn file) for the price of one flush:
/// every new file is written beside its target, the file system is synced once, then each is renamed
/// into place. Ten thousand per-user answers take one disk flush instead of ten thousand. Files not
/// committed (an exception, a crash) are left as hidden temporary files, removed on dispose when possible.
/// </summary>
public sealed class AtomicFileBatch : IDisposable
{
    /// <summary>Below this many files a flush per file is cheaper than syncing the file system.</summary>
    private const int SyncFsThreshold = 16;

    private readonly List<(string Temp, string Target)> pending = [];

    public int Count => pending.Count;

    /// <summary>Writes the new content of <paramref name="path"/> beside it; small batches flush each file at once.</summary>
    public void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode, uint? owner = null, uint? group = null) =>
        pending.Add((SecureFile.WriteTemporary(path, content, mode, owner, group, flushToDisk: pending.Count < SyncFsThreshold), path));

    /// <summary>
    /// As <see cref="Write(string, ReadOnlySpan{byte}, UnixFileMode, uint?, uint?)"/>, then lets
    /// <paramref name="prepare"/> finish the new file (an ACL) before it can be renamed into place.
    /// </summary>
    public void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode, uint? owner, uint? group, Action<string> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var temp = SecureFile.WriteTemporary(path, content, mode, owner, group, flushToDisk: pending.Count < SyncFsThreshold);
        pending.Add((temp, path));
        prepare(temp);
    }

    /// <summary>Makes every written file durable, then renames each over its target.</summary>
    public void Commit()
    {
        if (pending.Count == 0)
            return;
        // The first files were flushed as they were written; one sync covers the rest.
        if (pending.Count > SyncFsThreshold)
            Native.Libc.SyncFileSystemOf(Path.GetDirectoryName(pending[0].Temp) ?? "/");

        foreach (var (temp, target) in pending)
            File.Move(temp, target, overwrite: true);
        pending.Clear();
    }

    public void Dispose()
    {
        foreach (var (temp, _) in pending)
            SecureFile.TryDelete(temp);
        pending.Clear();
    }
}
