using System.Buffers;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Microsoft.Data.Sqlite;
using Microsoft.Win32.SafeHandles;

namespace Cpvendor.Store.ReadModel;

/// <summary>What one publish did.</summary>
public enum PublishOutcome
{
    /// <summary>The current generation already held every committed change: nothing written.</summary>
    UpToDate,

    /// <summary>A new generation was written and renamed into place.</summary>
    Published,
}

/// <summary>
/// Turns the committed state of the live store into the next read-model generation (docs/contract.md
/// section 2; ARCHITECTURE.md, "the write side, the publisher and the read side"). While a read
/// transaction holds SQLite's SHARED lock on the store (no writer can change the file meanwhile, and a
/// hot journal left by a killed writer has been rolled back by then), the store's bytes become the
/// next generation: written as a patch into the spare generation (the one before the current one)
/// when no reader holds it, only the pages that differ, or else copied whole into a new file. The
/// result is flushed to disk and renamed into place, and the replaced generation becomes the spare. A
/// reader therefore sees the old generation or the new one, whole; a crash leaves at most a hidden
/// temporary file or a second name, both cleaned up by the next publish. Publishers are serialised by
/// a lock so that an older state can never replace a newer one. Run as root.
/// </summary>
public static partial class ReadModelPublisher
{
    private const UnixFileMode FolderMode = (UnixFileMode)0b111_101_000; // 0750
    private const UnixFileMode FileMode = (UnixFileMode)0b110_100_000; // 0640
    private const int Chunk = 1 << 20;
    private const int Page = 4096;

    /// <summary>Publishes from the store at <c>config.Store</c> through a connection of its own.</summary>
    public static PublishOutcome Publish(InstallConfig config, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StoreFailure.Guard(() =>
        {
            using var live = PanelStore.OpenConnectionForWrite(config.Store);
            return Publish(config, live, force);
        }, config.Store);
    }

    /// <summary>Publishes the state <paramref name="store"/> sees (opened for writing, with no change in progress); see the other overload.</summary>
    public static PublishOutcome Publish(InstallConfig config, StoreSession store, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        return StoreFailure.Guard(() => Publish(config, store.Connection, force), config.Store);
    }

    /// <summary>
    /// Publishes the state <paramref name="live"/> sees (a read-write connection with no open
    /// transaction). Unless <paramref name="force"/>, a generation that already carries the store's
    /// change counter is left alone, and a spare is patched rather than a new file written. Throws
    /// <see cref="CpvendorException"/> saying why when the new generation cannot be written (a full
    /// disk): the current one keeps serving and the store keeps every change, so a later publish
    /// catches up.
    /// </summary>
    internal static PublishOutcome Publish(InstallConfig config, SqliteConnection live, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(live);
        var folder = EnsureFolder(config);
        using var guard = FileLock.Acquire(ReadModelFiles.LockFile(config), TimeSpan.FromSeconds(120));
        Recover(config, folder);
        var current = ReadModelFiles.Current(config);
        var temp = Path.Combine(folder, $".{ReadModelFiles.GenerationName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var storePath = Path.GetFullPath(config.Store);
        string written;
        try
        {
            // Opened before and closed after the read transaction: closing any descriptor of the store
            // while SQLite holds its POSIX lock would drop that lock.
            using var input = new FileStream(config.Store, System.IO.FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            using (var transaction = live.BeginTransaction(deferred: true))
            {
                // The first read takes the SHARED lock (and rolls back a hot journal): from here until the
                // transaction ends, no writer can change the file.
                using (var command = live.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = "SELECT count(*) FROM sqlite_master";
                    command.ExecuteScalar();
                }

                Span<byte> header = stackalloc byte[100];
                var store = (RandomAccess.Read(input.SafeFileHandle, header, 0) == header.Length ? StoreHeader.Parse(header) : null)
                    ?? throw CpvendorException.StoreUnavailable($"{config.Store} has no SQLite header");
                var generation = StoreHeader.Read(current);
                if (!force && Intact(current) && (generation == store || (generation?.SameSchemaAs(store) == true && ServesTheSame(live, transaction, current))))
                    return PublishOutcome.UpToDate;
                var spare = ReadModelFiles.Spare(config);
                var log = PageLog.Read(storePath);
                if (force || !TryPatch(input, spare, current, store, log))
                {
                    Copy(input, temp, store);
                    written = temp;
                }
                else
                {
                    written = spare;
                }

                // Still under the SHARED lock, so no commit can append meanwhile: the log keeps what the
                // next publish needs, from the generation about to become the spare on.
                Trim(storePath, log, Intact(current) ? generation : null, store.ChangeCounter);
                transaction.Commit();
            }

            Seal(config, written);
            Rotate(config, written);
            Libc.FsyncDirectory(folder);
            return PublishOutcome.Published;
        }
        catch (IOException e)
        {
            SecureDelete(temp);
            throw CpvendorException.Io(
                $"the read model could not be published ({e.Message.Trim()}): the cpapi keeps answering from the previous generation and the store keeps every change; fix the cause and run 'cpvendor publish'",
                e);
        }
        catch
        {
            SecureDelete(temp);
            throw;
        }
    }

    /// <summary>Whether a generation file is whole: a SQLite file as long as its header says.</summary>
    public static bool Intact(string path)
    {
        if (StoreHeader.Read(path) is not { } header)
            return false;
        try
        {
            var length = new FileInfo(path).Length;
            return length > 0 && length % 512 == 0 && header.Pages > 0 && length / header.Pages is >= 512 and <= 65536;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Brings the spare generation to the store's state, then flushes it: with the pages the page log
    /// says the commits since the spare's state wrote (<see cref="PagePatch"/>), or, when the log
    /// cannot prove that, with every page that differs. The header page is written last, so a publish
    /// killed midway leaves a spare that still names its old state and the pages it got are among those
    /// the next patch rewrites. False (nothing touched) when there is no spare, when it is the current
    /// generation, or when a reader holds it (the exclusive flock fails; readers hold a shared one for
    /// as long as they read). The lock is released before the spare is renamed into place, so a reader
    /// can never see it held.
    /// </summary>
    private static bool TryPatch(FileStream input, string spare, string current, StoreHeader expected, List<PageLog.Entry>? log)
    {
        if (Libc.Inode(spare) is not { } inode || inode == Libc.Inode(current))
            return false;
        FileStream target;
        try
        {
            // On Linux, FileShare.None takes flock(LOCK_EX | LOCK_NB): it fails while any reader leases the file.
            // It is disposed by the using block right after this try (CA2000 cannot follow it out of the try).
#pragma warning disable CA2000
            target = new FileStream(spare, new FileStreamOptions { Mode = System.IO.FileMode.Open, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 0, Options = FileOptions.None });
#pragma warning restore CA2000
        }
        catch (IOException)
        {
            return false;
        }

        using (target)
        {
            if (Libc.Inode(spare) != inode)
                return false;
            var length = RandomAccess.GetLength(input.SafeFileHandle);
            Span<byte> header = stackalloc byte[100];
            var had = RandomAccess.Read(target.SafeFileHandle, header, 0) == header.Length ? StoreHeader.Parse(header) : null;
            var plan = had is { } state ? PagePatch.Plan(log, state.ChangeCounter, expected.ChangeCounter, PageSizeOf(input)) : null;
            if (plan is not null)
                PatchRecorded(input.SafeFileHandle, target.SafeFileHandle, plan, length);
            else
                PatchCompared(input.SafeFileHandle, target, length);
            target.Flush(flushToDisk: true);
        }

        if (StoreHeader.Read(spare) != expected)
            throw new IOException($"{spare} does not hold the store's state after patching");
        return true;
    }

    /// <summary>Copies the pages <paramref name="patch"/> names and its truncated tail, sets the length, and writes the header page last.</summary>
    private static void PatchRecorded(SafeFileHandle source, SafeFileHandle target, PagePatch patch, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
        try
        {
            foreach (var page in patch.Pages)
            {
                if (page != 0)
                    CopyRange(source, target, (long)page * patch.PageSize, patch.PageSize, length, buffer);
            }

            if (patch.CopyFrom < length)
            {
                var from = Math.Max(patch.CopyFrom, patch.PageSize);
                CopyRange(source, target, from, length - from, length, buffer);
            }

            RandomAccess.SetLength(target, length);
            CopyRange(source, target, 0, patch.PageSize, length, buffer);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void CopyRange(SafeFileHandle source, SafeFileHandle target, long offset, long count, long length, byte[] buffer)
    {
        var end = Math.Min(offset + count, length);
        while (offset < end)
        {
            var read = RandomAccess.Read(source, buffer.AsSpan(0, (int)Math.Min(buffer.Length, end - offset)), offset);
            if (read <= 0)
                throw new IOException("the store ended before its length while its pages were copied");
            RandomAccess.Write(target, buffer.AsSpan(0, read), offset);
            offset += read;
        }
    }

    /// <summary>
    /// Compares both files where they lie in the page cache, a megabyte at a time, and compares page by
    /// page and writes only the pages of a megabyte that differs; the header page last.
    /// </summary>
    private static void PatchCompared(SafeFileHandle input, FileStream target, long length)
    {
        byte[]? headerPage = null;
        using (var source = new MappedFile(input, length))
        using (var old = new MappedFile(target.SafeFileHandle, RandomAccess.GetLength(target.SafeFileHandle)))
        {
            for (long offset = 0; offset < length; offset += Chunk)
            {
                var chunk = source.Bytes(offset, Chunk);
                var had = old.Bytes(offset, chunk.Length);
                if (had.Length == chunk.Length && chunk.SequenceEqual(had))
                    continue;
                for (var at = 0; at < chunk.Length; at += Page)
                {
                    var page = chunk.Slice(at, Math.Min(Page, chunk.Length - at));
                    if (at + page.Length <= had.Length && page.SequenceEqual(had.Slice(at, page.Length)))
                        continue;
                    if (offset + at == 0)
                        headerPage = page.ToArray();
                    else
                        RandomAccess.Write(target.SafeFileHandle, page, offset + at);
                }
            }
        }

        target.SetLength(length);
        if (headerPage is not null)
            RandomAccess.Write(target.SafeFileHandle, headerPage, 0);
    }

    /// <summary>The store's page size, from its header (offset 16, big-endian; 1 means 65536).</summary>
    private static int PageSizeOf(FileStream input)
    {
        Span<byte> field = stackalloc byte[2];
        if (RandomAccess.Read(input.SafeFileHandle, field, 16) != 2)
            return 0;
        var size = (field[0] << 8) | field[1];
        return size == 1 ? 65536 : size;
    }

    /// <summary>
    /// Rewrites the page log with what the next publish can use: the marks of the generation about to
    /// become the spare (<paramref name="spare"/>, when whole) and of the one just made, and the records
    /// of the commits after the spare's state. Without a readable log the new one starts empty.
    /// </summary>
    private static void Trim(string store, List<PageLog.Entry>? log, StoreHeader? spare, uint published)
    {
        var kept = new List<PageLog.Entry>();
        if (spare is { } from)
        {
            kept.Add(PageLog.Entry.Published(from.ChangeCounter));
            var steps = unchecked(published - from.ChangeCounter);
            if (log is not null)
                kept.AddRange(log.Where(e => !e.IsPublished && unchecked(e.Counter - from.ChangeCounter) is var step && step >= 1 && step <= steps));
        }

        kept.Add(PageLog.Entry.Published(published));
        PageLog.Rewrite(store, kept);
    }

    private static void Copy(FileStream input, string target, StoreHeader expected)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            BufferSize = 0,
        };
        using (var output = new FileStream(target, options))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Chunk);
            try
            {
                long offset = 0;
                int read;
                while ((read = RandomAccess.Read(input.SafeFileHandle, buffer.AsSpan(0, Chunk), offset)) > 0)
                {
                    output.Write(buffer, 0, read);
                    offset += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            output.Flush(flushToDisk: true);
        }

        if (StoreHeader.Read(target) != expected)
            throw new IOException($"{target} does not hold the store's state after copying");
    }

    /// <summary>
    /// Makes <paramref name="generation"/> current and the replaced one the spare: the current file gets
    /// a second name first, so that whatever instant a crash hits, every generation still has a name
    /// and the current one is never the spare (<see cref="Recover"/> finishes the rotation).
    /// </summary>
    private static void Rotate(InstallConfig config, string generation)
    {
        var current = ReadModelFiles.Current(config);
        var previous = ReadModelFiles.Previous(config);
        var spare = ReadModelFiles.Spare(config);
        var hadCurrent = File.Exists(current);
        if (hadCurrent)
            Libc.Link(current, previous);
        File.Move(generation, current, overwrite: true);
        if (hadCurrent)
            File.Move(previous, spare, overwrite: true);
    }

    /// <summary>Finishes what a killed publish left: its temporary file, or a rotation half done.</summary>
    private static void Recover(InstallConfig config, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, $".{ReadModelFiles.GenerationName}.*.tmp"))
            SecureDelete(file);
        var previous = ReadModelFiles.Previous(config);
        if (Libc.Inode(previous) is not { } inode)
            return;
        // Killed between the link and the rename: the second name is still the current generation.
        if (inode == Libc.Inode(ReadModelFiles.Current(config)))
            File.Delete(previous);
        else
            File.Move(previous, ReadModelFiles.Spare(config), overwrite: true);
    }

    /// <summary>Final mode and owners before the rename: 0640 root and the admin group.</summary>
    private static void Seal(InstallConfig config, string path)
    {
        File.SetUnixFileMode(path, FileMode);
        if (Libc.GetEuid() == 0)
            Libc.Lchown(path, 0, config.AdminGid ?? 0);
    }

    private static string EnsureFolder(InstallConfig config)
    {
        var folder = ReadModelFiles.Folder(config);
        Directory.CreateDirectory(config.DataDir);
        if (!Directory.Exists(folder))
            Directory.CreateDirectory(folder, FolderMode);
        var info = new DirectoryInfo(folder);
        if (info.LinkTarget is not null)
            throw CpvendorException.Invalid($"{folder} is a symbolic link: refusing to publish the read model through it");
        var asRoot = Libc.GetEuid() == 0;
        if (asRoot && Libc.Owner(folder) is { } owner && owner.Uid != 0)
            throw CpvendorException.Invalid($"{folder} is owned by uid {owner.Uid}, not root: refusing to publish the read model into it");
        File.SetUnixFileMode(folder, FolderMode);
        if (asRoot)
            Libc.Lchown(folder, 0, config.AdminGid ?? 0);
        return folder;
    }

    private static void SecureDelete(string path)
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
