using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>
/// Working relative to an open folder instead of by path name: <c>openat</c>, <c>unlinkat</c>,
/// <c>statx</c> on a descriptor and listing a folder through <c>fdopendir</c>/<c>readdir64</c>. Every
/// symbol here is in glibc 2.28 (the oldest C library the product runs on).
/// </summary>
public static unsafe partial class Libc
{
    /// <summary>errno values the descriptor walk tells apart.</summary>
    public const int ErrNoEntry = 2;
    public const int ErrNotDirectory = 20;
    public const int ErrIsDirectory = 21;
    public const int ErrNotEmpty = 39;
    public const int ErrLoop = 40;

    private const int AtRemoveDir = 0x200;

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static partial int OpenAtRaw(int dirFd, byte* name, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "unlinkat", SetLastError = true)]
    private static partial int UnlinkAtRaw(int dirFd, byte* name, int flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int StatxAtRaw(int dirFd, byte* name, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    private static partial nint FdOpenDirRaw(int fd);

    [LibraryImport("libc", EntryPoint = "readdir64", SetLastError = true)]
    private static partial byte* ReadDir64Raw(nint stream);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDirRaw(nint stream);

    /// <summary>The <c>AT_FDCWD</c> value: a name given with it to the calls below is a path.</summary>
    public const int CurrentFolder = AtFdCwd;

    /// <summary>
    /// Opens the folder <paramref name="name"/> (raw bytes, as the folder lists it) of the folder open as
    /// <paramref name="dirFd"/> without following a final link: the descriptor, or minus the errno
    /// (<see cref="ErrLoop"/> for a link, <see cref="ErrNotDirectory"/> for anything else but a folder).
    /// </summary>
    public static int OpenFolderAt(int dirFd, ReadOnlySpan<byte> name, bool followLink = false)
    {
        var flags = OpenReadOnly | OpenDirectory | OpenCloseOnExec | ONonBlock | (followLink ? 0 : OpenNoFollow);
        fixed (byte* terminated = Terminated(name))
        {
            var fd = OpenAtRaw(dirFd, terminated, flags, 0);
            return fd >= 0 ? fd : -Marshal.GetLastPInvokeError();
        }
    }

    /// <summary>Removes the entry <paramref name="name"/> of an open folder (a folder only when <paramref name="folder"/>): 0, or the errno.</summary>
    public static int UnlinkAt(int dirFd, ReadOnlySpan<byte> name, bool folder)
    {
        fixed (byte* terminated = Terminated(name))
            return UnlinkAtRaw(dirFd, terminated, folder ? AtRemoveDir : 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// Owner, group, whole <c>st_mode</c> and device of the entry <paramref name="name"/> of an open
    /// folder (the link itself for a link), or of the descriptor itself when <paramref name="name"/>
    /// is empty; null when it does not exist.
    /// </summary>
    public static (uint Uid, uint Gid, uint Mode, ulong Device)? StatusAt(int dirFd, ReadOnlySpan<byte> name)
    {
        // struct statx: uid at 20, gid at 24, mode at 28; stx_dev_major at 136, stx_dev_minor at 140.
        var buffer = stackalloc byte[256];
        var flags = AtSymlinkNoFollow | (name.IsEmpty ? AtEmptyPath : 0);
        fixed (byte* terminated = Terminated(name))
        {
            if (StatxAtRaw(dirFd, terminated, flags, StatxBasicStats, buffer) != 0)
                return null;
        }

        var device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        return (*(uint*)(buffer + 20), *(uint*)(buffer + 24), *(ushort*)(buffer + 28), device);
    }

    /// <summary>
    /// The names in the folder open as <paramref name="dirFd"/>, as raw bytes, without <c>.</c> and
    /// <c>..</c>. The listing reads a descriptor of its own (<c>openat(fd, ".")</c>), so the caller's
    /// is left as it was.
    /// </summary>
    public static IReadOnlyList<byte[]> ListFolder(int dirFd)
    {
        var own = OpenFolderAt(dirFd, "."u8);
        if (own < 0)
            throw new IOException($"cannot open a folder to list it: errno {-own}");
        var stream = FdOpenDirRaw(own);
        if (stream == 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            _ = CloseRaw(own);
            throw new IOException($"cannot list a folder: errno {errno}");
        }

        try
        {
            var names = new List<byte[]>();
            while (true)
            {
                // struct dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), then d_name at 19.
                var entry = ReadDir64Raw(stream);
                if (entry == null)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    return errno == 0 ? names : throw new IOException($"cannot list a folder: errno {errno}");
                }

                var name = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + 19);
                if (!name.SequenceEqual("."u8) && !name.SequenceEqual(".."u8))
                    names.Add(name.ToArray());
            }
        }
        finally
        {
            _ = CloseDirRaw(stream);
        }
    }

    private static byte[] Terminated(ReadOnlySpan<byte> name)
    {
        if (name.Contains((byte)0))
            throw new ArgumentException("a file name cannot hold a NUL byte", nameof(name));
        var terminated = new byte[name.Length + 1];
        name.CopyTo(terminated);
        return terminated;
    }
}
