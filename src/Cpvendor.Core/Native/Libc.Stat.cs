using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>Ownership of a path, which .NET does not expose: <c>statx(2)</c> (glibc 2.28 and later).</summary>
public static unsafe partial class Libc
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatxRaw(int dirFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Owner, group and permission bits of a path (the link itself for a symlink); null when it does not exist.</summary>
    public static (uint Uid, uint Gid, UnixFileMode Mode)? Owner(string path)
    {
        // struct statx is 256 bytes: stx_uid at 20, stx_gid at 24, stx_mode (16 bits) at 28.
        var buffer = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            return null;
        var uid = *(uint*)(buffer + 20);
        var gid = *(uint*)(buffer + 24);
        var mode = *(ushort*)(buffer + 28);
        return (uid, gid, (UnixFileMode)(mode & 0xfff));
    }
}
