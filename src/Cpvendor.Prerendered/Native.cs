using System.Runtime.InteropServices;
using Cpvendor.Core.Native;

namespace Cpvendor.Prerendered;

/// <summary>
/// How the small binary reads the answer files and hands a call on, over Core's <c>Libc</c>
/// declarations (the one set both binaries share): descriptors, <c>statx</c> into a
/// <see cref="GenerationStamp"/>, <c>mmap</c>, whole small files, and <c>execv</c>.
/// </summary>
internal static unsafe partial class Native
{
    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ProtRead = 1;
    private const int ProtNone = 0;
    private const int MapPrivate = 2;
    private const int MapFixed = 0x10;
    private const int MapAnonymous = 0x20;
    private const nint LargeFolio = 2 * 1024 * 1024;
    private const int ErrNoEntry = 2;

    internal static void Close(int fd) => Libc.CloseDescriptor(fd);

    /// <summary>
    /// <c>mmap(2)</c> of a file at an address one page past a 2 MB boundary. Kernels that keep a
    /// file's page cache in large folios (up to 2 MB) map a whole folio on one fault when it fits
    /// inside one page table of the mapping, and mmap aligns large file mappings so that every
    /// folio does; each folio then counts whole in the resident set, so a filter that reads a few
    /// records scattered over the book's users answer took up to 2 MB per record (31 MB for eight
    /// accounts of one owner at 100,000 accounts). One page off, no large folio fits a page table,
    /// faults map the usual fault-around window, and the resident set follows the bytes an answer
    /// reads. Older kernels, without large folios in the page cache, map the same either way.
    /// <paramref name="address"/> is used only when no room can be reserved.
    /// </summary>
    internal static void* Mmap(void* address, nint length, int protection, int flags, int fd, long offset)
    {
        var page = (nint)Environment.SystemPageSize;
        var mapped = (length + page - 1) & ~(page - 1);
        var room = mapped + LargeFolio + page;
        // A reservation of the room, then the file mapped over part of it; the rest is given back.
        var reserved = (byte*)Libc.Map(null, room, ProtNone, MapPrivate | MapAnonymous, -1, 0);
        if (reserved == (byte*)-1)
            return Libc.Map(address, length, protection, flags, fd, offset);
        var at = (byte*)((((nint)reserved + LargeFolio - 1) & ~(LargeFolio - 1)) + page);
        var map = Libc.Map(at, length, protection, flags | MapFixed, fd, offset);
        if (map == (void*)-1)
        {
            _ = Libc.Unmap(reserved, room);
            return map;
        }

        if (at > reserved)
            _ = Libc.Unmap(reserved, (nint)(at - reserved));
        var end = reserved + room;
        if (at + mapped < end)
            _ = Libc.Unmap(at + mapped, (nint)(end - (at + mapped)));
        return map;
    }

    internal static int Munmap(void* address, nint length) => Libc.Unmap(address, length);

    public static long Now() => Libc.UnixSeconds();

    /// <summary>Opens a file for reading (following no special rule: only root writes these files); -1 when it cannot.</summary>
    public static int Open(string path) => Libc.OpenFollowingLinks(path);

    /// <summary>Identity and size of a path (<see cref="GenerationStamp"/>), or null when it cannot be read.</summary>
    public static GenerationStamp? Stat(string path) => Statx(AtFdCwd, path, 0);

    /// <summary>Identity and size of an open descriptor.</summary>
    public static GenerationStamp? Stat(int fd) => Statx(fd, "", AtEmptyPath);

    private static GenerationStamp? Statx(int dirFd, string path, int flags)
    {
        // struct statx: stx_ino at 32, stx_size at 40, stx_mtime at 112 (tv_sec i64, tv_nsec u32),
        // stx_dev_major at 136, stx_dev_minor at 140.
        var buffer = stackalloc byte[256];
        if (Libc.StatxInto(dirFd, path, flags, StatxBasicStats, buffer) != 0)
            return null;
        var device = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        return new GenerationStamp(device, *(ulong*)(buffer + 32), *(long*)(buffer + 40), *(long*)(buffer + 112), *(uint*)(buffer + 120));
    }

    /// <summary>The uid that owns an open descriptor (<c>stx_uid</c>, at 20 in struct statx).</summary>
    private static uint? OwnerOf(int fd)
    {
        var buffer = stackalloc byte[256];
        return Libc.StatxInto(fd, "", AtEmptyPath, StatxBasicStats, buffer) == 0 ? *(uint*)(buffer + 20) : null;
    }

    /// <summary>
    /// Reads the <paramref name="key"/>-long extended attribute <paramref name="name"/> of the file
    /// at <paramref name="path"/>: 1 when read; 0 when there is no such file; -1 for anything else
    /// (unreadable, an attribute of another length or none, an owner <paramref name="owner"/> refuses).
    /// </summary>
    public static int ReadAttribute(string path, string name, Span<byte> key, Func<uint, bool> owner)
    {
        var fd = Open(path);
        if (fd < 0)
            return Marshal.GetLastPInvokeError() == ErrNoEntry ? 0 : -1;
        try
        {
            return OwnerOf(fd) is { } uid && owner(uid) && Libc.DescriptorAttribute(fd, name, key) == key.Length ? 1 : -1;
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>
    /// Reads a whole small file of at most <paramref name="limit"/> bytes; null when it is missing,
    /// larger or unreadable, or when <paramref name="owner"/> refuses the uid that owns it.
    /// </summary>
    public static byte[]? ReadAll(string path, int limit, Func<uint, bool>? owner = null)
    {
        var fd = Open(path);
        if (fd < 0)
            return null;
        try
        {
            if (Stat(fd) is not { } stat || stat.Size < 0 || stat.Size > limit || (owner is not null && (OwnerOf(fd) is not { } uid || !owner(uid))))
                return null;
            var bytes = new byte[stat.Size];
            var total = 0;
            fixed (byte* start = bytes)
            {
                while (total < bytes.Length)
                {
                    var n = Libc.ReadAt(fd, start + total, bytes.Length - total, total);
                    if (n < 0 && Marshal.GetLastPInvokeError() == 4)
                        continue;
                    if (n <= 0)
                        return null;
                    total += (int)n;
                }
            }

            return bytes;
        }
        finally
        {
            Close(fd);
        }
    }

    /// <summary>Replaces this process with <paramref name="path"/> run with <paramref name="argv"/>, environment unchanged; returns only on failure.</summary>
    public static void Exec(string path, IReadOnlyList<string> argv)
    {
        var pointers = new nint[argv.Count + 1];
        try
        {
            for (var i = 0; i < argv.Count; i++)
                pointers[i] = Marshal.StringToCoTaskMemUTF8(argv[i]);
            fixed (nint* vector = pointers)
                _ = Libc.Execv(path, (byte**)vector);
        }
        finally
        {
            foreach (var pointer in pointers)
                Marshal.FreeCoTaskMem(pointer);
        }
    }

    internal static int MapReadOnly => ProtRead;

    internal static int MapFlags => MapPrivate;
}
