using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Cpvendor.Core.Native;

/// <summary>Files a root process keeps to itself beside its own data: opened by name without ever following a planted link.</summary>
public static unsafe partial class Libc
{
    private const int OpenReadWrite = 2; // O_RDWR
    private const int OpenCreate = 0x40; // O_CREAT

    /// <summary>
    /// Opens the regular file <paramref name="path"/> for reading and writing without following a final
    /// link, creating it with mode 0600 when <paramref name="create"/>. Null when it cannot be opened
    /// or is anything but a regular file with one name, owned by this process's user and shared with
    /// nobody (group and other bits clear).
    /// </summary>
    public static SafeFileHandle? OpenPrivateFile(string path, bool create)
    {
        var fd = OpenRaw(path, OpenReadWrite | OpenNoFollow | OpenCloseOnExec | ONonBlock | (create ? OpenCreate : 0), 0b110_000_000);
        if (fd < 0)
            return null;
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = stackalloc byte[256];
        byte empty = 0;
        // struct statx: stx_nlink at 16, stx_uid at 20, stx_mode at 28.
        if (StatxFdRaw(fd, &empty, AtEmptyPath, StatxBasicStats, buffer) == 0
            && (*(ushort*)(buffer + 28) & TypeMask) == TypeRegular
            && (*(ushort*)(buffer + 28) & 0b111_111) == 0
            && *(uint*)(buffer + 16) == 1
            && *(uint*)(buffer + 20) == GetEuidRaw())
            return handle;
        handle.Dispose();
        return null;
    }

    /// <summary>
    /// What tells one file from another that later takes its name, or its inode number: the device, the
    /// inode and the birth time in nanoseconds (0 where the file system does not keep it); its final
    /// link not followed. Null when it cannot be examined.
    /// </summary>
    public static (ulong Device, ulong Inode, long Birth)? Identity(string path)
    {
        // struct statx: stx_mask at 0, stx_ino at 32, stx_btime at 80 (tv_sec, tv_nsec), stx_dev_major at 136, stx_dev_minor at 140.
        const uint StatxBirthTime = 0x800;
        var buffer = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats | StatxBirthTime, buffer) != 0)
            return null;
        var birth = (*(uint*)buffer & StatxBirthTime) != 0 ? (*(long*)(buffer + 80) * 1_000_000_000) + *(uint*)(buffer + 88) : 0;
        return (((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140), *(ulong*)(buffer + 32), birth);
    }
}
