using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>
/// The calls the small binary reads published answers with (plain descriptors, <c>statx</c>,
/// <c>mmap</c>) and hands a call on with (<c>execv</c>): declared here, with every other libc call,
/// so both binaries share one set of declarations. NativeAOT compiles only what a binary calls, so
/// the small binary carries these and nothing more of this class.
/// </summary>
public static unsafe partial class Libc
{
    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    private static partial nint PreadRaw(int fd, byte* buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* MmapRaw(void* address, nint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int MunmapRaw(void* address, nint length);

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ExecvRaw(string path, byte** argv);

    [LibraryImport("libc", EntryPoint = "time")]
    private static partial long TimeRaw(long* result);

    /// <summary>Opens <paramref name="path"/> read-only and close-on-exec, following a link; -1 when it cannot.</summary>
    public static int OpenFollowingLinks(string path) => OpenRaw(path, 0x80000, 0);

    /// <summary><c>pread(2)</c>: up to <paramref name="count"/> bytes at <paramref name="offset"/>; -1 with errno on failure.</summary>
    public static nint ReadAt(int fd, byte* buffer, nint count, long offset) => PreadRaw(fd, buffer, count, offset);

    /// <summary><c>statx(2)</c> into a buffer of at least 256 bytes; 0 on success.</summary>
    public static int StatxInto(int dirFd, string path, int flags, uint mask, byte* buffer) => StatxFdRaw(dirFd, path, flags, mask, buffer);

    /// <summary><c>mmap(2)</c>; <c>MAP_FAILED</c> (-1) on failure.</summary>
    public static void* Map(void* address, nint length, int protection, int flags, int fd, long offset) => MmapRaw(address, length, protection, flags, fd, offset);

    /// <summary><c>munmap(2)</c>.</summary>
    public static int Unmap(void* address, nint length) => MunmapRaw(address, length);

    /// <summary><c>execv(3)</c>: returns only on failure.</summary>
    public static int Execv(string path, byte** argv) => ExecvRaw(path, argv);

    /// <summary>Seconds since the epoch, as <c>time(2)</c> reads them.</summary>
    public static long UnixSeconds() => TimeRaw(null);
}
