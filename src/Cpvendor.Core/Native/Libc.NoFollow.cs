using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>
/// What a root process needs to look at and change a path a user might have planted links in: the
/// type, owner and mode of a path without following its last component, and owner and mode changes
/// made on an opened descriptor (opened with <c>O_NOFOLLOW</c>), never on a name that could be swapped.
/// </summary>
public static unsafe partial class Libc
{
    private const int ONoFollow = 0x20000;
    private const int OCloExec = 0x80000;
    private const int ONonBlock = 0x800;
    private const int ODirectory = 0x10000;
    private const int AtEmptyPath = 0x1000;
    private const int ELoop = 40;

    /// <summary>The type bits of <c>st_mode</c>.</summary>
    public const uint TypeMask = 0xf000;

    public const uint TypeDirectory = 0x4000;
    public const uint TypeRegular = 0x8000;
    public const uint TypeSymlink = 0xa000;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int StatxFdRaw(int dirFd, byte* emptyPath, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FchmodRaw(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "fchown", SetLastError = true)]
    private static partial int FchownRaw(int fd, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkdirRaw(string path, uint mode);

    /// <summary>
    /// Creates a folder that did not exist (<c>mkdir(2)</c>, which fails on any existing name, link
    /// included): true when this call made it, false when the name was taken.
    /// </summary>
    public static bool CreateDirectoryExclusive(string path, UnixFileMode mode)
    {
        const int EExist = 17;
        if (MkdirRaw(path, (uint)mode & 0xfff) == 0)
            return true;
        var errno = Marshal.GetLastPInvokeError();
        return errno == EExist ? false : throw new IOException($"mkdir {path}: errno {errno}");
    }

    /// <summary>Changes the owner of an open file (the file itself, whatever its name now names).</summary>
    public static void Fchown(Microsoft.Win32.SafeHandles.SafeFileHandle handle, uint owner, uint group)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (FchownRaw((int)handle.DangerousGetHandle(), owner, group) != 0)
                throw new IOException($"fchown: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    /// <summary>True when both paths (links followed) name the same file: the same device and inode.</summary>
    public static bool SameFile(string a, string b)
    {
        var first = stackalloc byte[256];
        var second = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, a, 0, StatxBasicStats, first) != 0 || StatxRaw(AtFdCwd, b, 0, StatxBasicStats, second) != 0)
            return false;

        // stx_ino at 32; stx_dev_major and stx_dev_minor at 136 and 140.
        return *(ulong*)(first + 32) == *(ulong*)(second + 32)
            && *(ulong*)(first + 136) == *(ulong*)(second + 136);
    }

    /// <summary>Owner, group and the whole <c>st_mode</c> (type included) of a path, the link itself for a symlink; null when it does not exist.</summary>
    public static (uint Uid, uint Gid, uint Mode)? LinkStatus(string path)
    {
        var buffer = stackalloc byte[256];
        if (StatxRaw(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            return null;
        return (*(uint*)(buffer + 20), *(uint*)(buffer + 24), *(ushort*)(buffer + 28));
    }

    /// <summary>
    /// Sets the owner and mode of an existing regular file (<paramref name="directory"/> false), folder
    /// (true) or either (null) through a descriptor opened without following a final symbolic link; a
    /// link, a device or a fifo in its place is refused, so root never changes a file a link points at.
    /// </summary>
    public static void SetOwnerAndModeNoFollow(string path, UnixFileMode mode, uint? owner, uint? group, bool? directory = false)
    {
        var flags = ONoFollow | OCloExec | ONonBlock | (directory == true ? ODirectory : 0);
        var fd = OpenRaw(path, flags, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException(errno == ELoop
                ? $"{path} is a symbolic link: refusing to change what it points at"
                : $"open {path}: errno {errno}");
        }

        try
        {
            var buffer = stackalloc byte[256];
            byte empty = 0;
            if (StatxFdRaw(fd, &empty, AtEmptyPath, StatxBasicStats, buffer) != 0)
                throw new IOException($"fstat {path}: errno {Marshal.GetLastPInvokeError()}");
            var type = *(ushort*)(buffer + 28) & TypeMask;
            var expected = type == TypeDirectory ? directory != false : type == TypeRegular && directory != true;
            if (!expected)
                throw new IOException($"{path} is not a {(directory == true ? "folder" : directory == false ? "regular file" : "file or folder")}: refusing to change it");
            if ((owner is not null || group is not null) && FchownRaw(fd, owner ?? uint.MaxValue, group ?? uint.MaxValue) != 0)
                throw new IOException($"fchown {path}: errno {Marshal.GetLastPInvokeError()}");
            if (FchmodRaw(fd, (uint)mode & 0xfff) != 0)
                throw new IOException($"fchmod {path}: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = CloseRaw(fd);
        }
    }
}
