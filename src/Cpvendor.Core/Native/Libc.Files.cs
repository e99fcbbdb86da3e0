using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>What the read model's generations need beyond .NET: hard links, inodes, flock leases, directory fsync.</summary>
public static unsafe partial class Libc
{
    private const int OpenReadOnly = 0; // O_RDONLY
    private const int OpenDirectory = 0x10000; // O_DIRECTORY
    private const int OpenNoFollow = 0x20000; // O_NOFOLLOW
    private const int OpenCloseOnExec = 0x80000; // O_CLOEXEC
    private const int LockShared = 1; // LOCK_SH
    private const int LockNonBlocking = 4; // LOCK_NB

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LinkRaw(string existing, string created);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FlockRaw(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FsyncRaw(int fd);

    /// <summary>Gives the file <paramref name="existing"/> a second name; throws on failure.</summary>
    public static void Link(string existing, string created)
    {
        if (LinkRaw(existing, created) != 0)
            throw new IOException($"cannot link {existing} as {created}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The inode number of a path (the link itself for a symlink); null when it does not exist.</summary>
    public static ulong? Inode(string path)
    {
        // struct statx: stx_ino (u64) at offset 32.
        var buffer = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            return null;
        return *(ulong*)(buffer + 32);
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxFdRaw(int dirFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>The inode number of the file an open descriptor refers to; null on failure.</summary>
    public static ulong? InodeOf(int fd)
    {
        const int AtEmptyPath = 0x1000;
        var buffer = stackalloc byte[256];
        if (StatxFdRaw(fd, "", AtEmptyPath, StatxBasicStats, buffer) != 0)
            return null;
        return *(ulong*)(buffer + 32);
    }

    /// <summary>
    /// What changes whenever the file an open descriptor refers to is written, replaced, truncated or
    /// has its mode or owner changed: device, inode, size, mode, owner and the modification and
    /// status-change times in nanoseconds, as one string. The status-change time is the kernel's
    /// own (no process sets it), so an edit that restores size and modification time still changes
    /// it. Null on failure.
    /// </summary>
    public static string? VersionOf(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        const int AtEmptyPath = 0x1000;
        var buffer = stackalloc byte[256];
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            if (StatxFdRaw((int)handle.DangerousGetHandle(), "", AtEmptyPath, StatxBasicStats, buffer) != 0)
                return null;
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }

        return Version(buffer);
    }

    /// <summary>
    /// <see cref="VersionOf(Microsoft.Win32.SafeHandles.SafeFileHandle)"/> of what <paramref name="path"/>
    /// names (a file or a folder, whose times move as entries come and go), its final link not
    /// followed; "absent" when nothing is there, null when it cannot be examined.
    /// </summary>
    public static string? VersionOf(string path)
    {
        const int NoEntry = 2; // ENOENT
        var buffer = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) == 0)
            return Version(buffer);
        return Marshal.GetLastPInvokeError() == NoEntry ? "absent" : null;
    }

    // struct statx: uid at 20, gid at 24, mode at 28, ino at 32, size at 40, ctime at 96 and mtime at
    // 112 (tv_sec i64, tv_nsec u32), dev_major at 136, dev_minor at 140.
    private static string Version(byte* buffer) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{*(uint*)(buffer + 136)}:{*(uint*)(buffer + 140)} {*(ulong*)(buffer + 32)} {*(ulong*)(buffer + 40)} {*(ushort*)(buffer + 28)} {*(uint*)(buffer + 20)}:{*(uint*)(buffer + 24)} {*(long*)(buffer + 112)}.{*(uint*)(buffer + 120)} {*(long*)(buffer + 96)}.{*(uint*)(buffer + 104)}");

    /// <summary>Opens a regular file read-only without following a final symlink; -1 when it cannot be opened.</summary>
    public static int OpenForReading(string path) => OpenRaw(path, OpenReadOnly | OpenNoFollow | OpenCloseOnExec, 0);

    /// <summary>A shared flock on <paramref name="fd"/> that never waits; false when someone holds it exclusively.</summary>
    public static bool TryLockShared(int fd) => FlockRaw(fd, LockShared | LockNonBlocking) == 0;

    public static void CloseDescriptor(int fd) => _ = CloseRaw(fd);

    /// <summary>Flushes a folder's entries (renames, links) to disk.</summary>
    public static void FsyncDirectory(string folder)
    {
        var fd = OpenRaw(folder, OpenReadOnly | OpenDirectory | OpenCloseOnExec, 0);
        if (fd < 0)
            throw new IOException($"cannot open {folder}: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (FsyncRaw(fd) != 0)
                throw new IOException($"cannot flush {folder}: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = CloseRaw(fd);
        }
    }
}
