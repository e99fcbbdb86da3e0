using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Cpvendor.Store.Native;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// A SQLite VFS that is the process's default one (<c>unix</c>) with one addition: a main database
/// file opened for writing is wrapped so that its <see cref="PageTracker"/> sees every page written
/// and truncation, and each released write lock ends a hold (<see cref="PageLog"/>). Journals and
/// every other file are the default VFS's own, untouched. Every store connection that may write opens
/// through it (<see cref="PanelStore"/> names it in the URI); readers and generations do not.
/// </summary>
internal static unsafe class PageLogVfs
{
    public const string Name = "cpvendor-pages";

    // struct sqlite3_vfs: iVersion, szOsFile, mxPathname (ints), then pNext, zName, pAppData, xOpen...
    private const int VfsFileSize = 4;
    private const int VfsNext = 16;
    private const int VfsName = 24;
    private const int VfsOpen = 40;

    // struct sqlite3_io_methods: iVersion, then one pointer per method from offset 8.
    private const int MethodsLength = 152;
    private const int XClose = 8, XRead = 16, XWrite = 24, XTruncate = 32, XSync = 40, XFileSize = 48, XLock = 56, XUnlock = 64,
        XCheckReservedLock = 72, XFileControl = 80, XSectorSize = 88, XDeviceCharacteristics = 96, XShmMap = 104, XShmLock = 112,
        XShmBarrier = 120, XShmUnmap = 128, XFetch = 136, XUnfetch = 144;

    // Our file: the io methods, the tracker's handle, then the default VFS's own file.
    private const int Header = 16;
    private const int OpenReadOnly = 0x1;
    private const int OpenMainDb = 0x100;
    private const int IoError = 10;

    private static readonly Lock Gate = new();
    private static nint inner;
    private static nint methods;
    private static bool registered;

    /// <summary>Registers the VFS once per process (not as the default); false when SQLite has no default VFS to wrap.</summary>
    public static bool Register()
    {
        lock (Gate)
        {
            if (registered)
                return true;
            inner = Sqlite3.VfsFind(null);
            if (inner == 0)
                return false;
            var version = *(int*)inner;
            var length = version >= 3 ? 168 : version == 2 ? 144 : 136;
            var vfs = (byte*)NativeMemory.AllocZeroed(168);
            Buffer.MemoryCopy((void*)inner, vfs, length, length);
            *(int*)(vfs + VfsFileSize) = Header + ((*(int*)(inner + VfsFileSize) + 7) & ~7);
            *(nint*)(vfs + VfsNext) = 0;
            *(nint*)(vfs + VfsName) = Marshal.StringToCoTaskMemUTF8(Name);
            *(nint*)(vfs + VfsOpen) = (nint)(delegate* unmanaged<nint, byte*, nint, int, int*, int>)&OpenFile;
            var table = (byte*)NativeMemory.AllocZeroed(MethodsLength);
            *(int*)table = 3;
            Set(table, XClose, (nint)(delegate* unmanaged<nint, int>)&CloseFile);
            Set(table, XRead, (nint)(delegate* unmanaged<nint, byte*, int, long, int>)&ReadFile);
            Set(table, XWrite, (nint)(delegate* unmanaged<nint, byte*, int, long, int>)&WriteFile);
            Set(table, XTruncate, (nint)(delegate* unmanaged<nint, long, int>)&TruncateFile);
            Set(table, XSync, (nint)(delegate* unmanaged<nint, int, int>)&SyncFile);
            Set(table, XFileSize, (nint)(delegate* unmanaged<nint, long*, int>)&SizeOfFile);
            Set(table, XLock, (nint)(delegate* unmanaged<nint, int, int>)&LockFile);
            Set(table, XUnlock, (nint)(delegate* unmanaged<nint, int, int>)&UnlockFile);
            Set(table, XCheckReservedLock, (nint)(delegate* unmanaged<nint, int*, int>)&CheckReserved);
            Set(table, XFileControl, (nint)(delegate* unmanaged<nint, int, nint, int>)&ControlFile);
            Set(table, XSectorSize, (nint)(delegate* unmanaged<nint, int>)&SectorSizeOf);
            Set(table, XDeviceCharacteristics, (nint)(delegate* unmanaged<nint, int>)&CharacteristicsOf);
            Set(table, XShmMap, (nint)(delegate* unmanaged<nint, int, int, int, nint, int>)&MapShared);
            Set(table, XShmLock, (nint)(delegate* unmanaged<nint, int, int, int, int>)&LockShared);
            Set(table, XShmBarrier, (nint)(delegate* unmanaged<nint, void>)&BarrierShared);
            Set(table, XShmUnmap, (nint)(delegate* unmanaged<nint, int, int>)&UnmapShared);
            Set(table, XFetch, (nint)(delegate* unmanaged<nint, long, int, nint, int>)&FetchPage);
            Set(table, XUnfetch, (nint)(delegate* unmanaged<nint, long, nint, int>)&UnfetchPage);
            methods = (nint)table;
            if (Sqlite3.VfsRegister((nint)vfs, 0) != Sqlite3.Ok)
                return false;
            registered = true;
            return true;
        }
    }

    private static void Set(byte* table, int offset, nint function) => *(nint*)(table + offset) = function;

    private static nint InnerFile(nint file) => file + Header;

    /// <summary>The default VFS's method at <paramref name="offset"/> for the file it opened inside ours; 0 when its version lacks it.</summary>
    private static nint InnerMethod(nint file, int offset)
    {
        var table = *(nint*)InnerFile(file);
        var version = *(int*)table;
        var needed = offset >= XFetch ? 3 : offset >= XShmMap ? 2 : 1;
        return version >= needed ? *(nint*)(table + offset) : 0;
    }

    private static PageTracker? Tracker(nint file)
    {
        var handle = *(nint*)(file + 8);
        return handle == 0 ? null : (PageTracker?)GCHandle.FromIntPtr(handle).Target;
    }

    [UnmanagedCallersOnly]
    private static int OpenFile(nint vfs, byte* name, nint file, int flags, int* outFlags)
    {
        var open = (delegate* unmanaged<nint, byte*, nint, int, int*, int>)*(nint*)(inner + VfsOpen);
        // Anything but a main database opened for writing is the default VFS's own file, laid at the
        // start of ours: SQLite then calls its methods directly.
        if ((flags & OpenMainDb) == 0 || (flags & OpenReadOnly) != 0 || name == null)
            return open(inner, name, file, flags, outFlags);
        *(nint*)file = 0;
        *(nint*)(file + 8) = 0;
        var rc = open(inner, name, InnerFile(file), flags, outFlags);
        if (rc != Sqlite3.Ok)
            return rc;
        var path = Marshal.PtrToStringUTF8((nint)name) ?? "";
        *(nint*)(file + 8) = GCHandle.ToIntPtr(GCHandle.Alloc(new PageTracker(path)));
        *(nint*)file = methods;
        return Sqlite3.Ok;
    }

    /// <summary>The change counter in the file's header (offset 24) as it is now; null when it cannot be read.</summary>
    private static uint? Counter(nint file)
    {
        var read = (delegate* unmanaged<nint, byte*, int, long, int>)InnerMethod(file, XRead);
        var bytes = stackalloc byte[4];
        return read(InnerFile(file), bytes, 4, 24) == Sqlite3.Ok ? BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(bytes, 4)) : null;
    }

    /// <summary>Runs a tracker step; a failure in it spoils the hold (no record, so a full compare) instead of failing SQLite.</summary>
    private static void Track(nint file, Action<PageTracker, nint> step)
    {
        if (Tracker(file) is not { } tracker)
            return;
        try
        {
            step(tracker, file);
        }
        catch (Exception)
        {
            tracker.Spoil();
        }
    }

    private static void EndHold(PageTracker tracker, nint file)
    {
        if (!tracker.Idle)
            tracker.End(Counter(file));
    }

    [UnmanagedCallersOnly]
    private static int CloseFile(nint file)
    {
        Track(file, EndHold);
        var rc = ((delegate* unmanaged<nint, int>)InnerMethod(file, XClose))(InnerFile(file));
        var handle = *(nint*)(file + 8);
        if (handle != 0)
            GCHandle.FromIntPtr(handle).Free();
        *(nint*)(file + 8) = 0;
        return rc;
    }

    [UnmanagedCallersOnly]
    private static int ReadFile(nint file, byte* buffer, int amount, long offset) =>
        ((delegate* unmanaged<nint, byte*, int, long, int>)InnerMethod(file, XRead))(InnerFile(file), buffer, amount, offset);

    [UnmanagedCallersOnly]
    private static int WriteFile(nint file, byte* buffer, int amount, long offset)
    {
        if (Tracker(file) is { } tracker)
        {
            try
            {
                if (tracker.Idle)
                    tracker.Begin(Counter(file));
                tracker.Wrote(offset, amount);
            }
            catch (Exception)
            {
                tracker.Spoil();
            }
        }

        return ((delegate* unmanaged<nint, byte*, int, long, int>)InnerMethod(file, XWrite))(InnerFile(file), buffer, amount, offset);
    }

    [UnmanagedCallersOnly]
    private static int TruncateFile(nint file, long size)
    {
        if (Tracker(file) is { } tracker)
        {
            try
            {
                if (tracker.Idle)
                    tracker.Begin(Counter(file));
                tracker.Truncated(size);
            }
            catch (Exception)
            {
                tracker.Spoil();
            }
        }

        return ((delegate* unmanaged<nint, long, int>)InnerMethod(file, XTruncate))(InnerFile(file), size);
    }

    [UnmanagedCallersOnly]
    private static int SyncFile(nint file, int flags) =>
        ((delegate* unmanaged<nint, int, int>)InnerMethod(file, XSync))(InnerFile(file), flags);

    [UnmanagedCallersOnly]
    private static int SizeOfFile(nint file, long* size) =>
        ((delegate* unmanaged<nint, long*, int>)InnerMethod(file, XFileSize))(InnerFile(file), size);

    [UnmanagedCallersOnly]
    private static int LockFile(nint file, int level) =>
        ((delegate* unmanaged<nint, int, int>)InnerMethod(file, XLock))(InnerFile(file), level);

    /// <summary>The record is appended before the lock is given up, so no reader can see the commit without it.</summary>
    [UnmanagedCallersOnly]
    private static int UnlockFile(nint file, int level)
    {
        Track(file, EndHold);
        return ((delegate* unmanaged<nint, int, int>)InnerMethod(file, XUnlock))(InnerFile(file), level);
    }

    [UnmanagedCallersOnly]
    private static int CheckReserved(nint file, int* result) =>
        ((delegate* unmanaged<nint, int*, int>)InnerMethod(file, XCheckReservedLock))(InnerFile(file), result);

    [UnmanagedCallersOnly]
    private static int ControlFile(nint file, int operation, nint argument) =>
        ((delegate* unmanaged<nint, int, nint, int>)InnerMethod(file, XFileControl))(InnerFile(file), operation, argument);

    [UnmanagedCallersOnly]
    private static int SectorSizeOf(nint file) =>
        ((delegate* unmanaged<nint, int>)InnerMethod(file, XSectorSize))(InnerFile(file));

    [UnmanagedCallersOnly]
    private static int CharacteristicsOf(nint file) =>
        ((delegate* unmanaged<nint, int>)InnerMethod(file, XDeviceCharacteristics))(InnerFile(file));

    [UnmanagedCallersOnly]
    private static int MapShared(nint file, int page, int pageSize, int extend, nint mapped) =>
        InnerMethod(file, XShmMap) is var method and not 0
            ? ((delegate* unmanaged<nint, int, int, int, nint, int>)method)(InnerFile(file), page, pageSize, extend, mapped)
            : IoError;

    [UnmanagedCallersOnly]
    private static int LockShared(nint file, int offset, int count, int flags) =>
        InnerMethod(file, XShmLock) is var method and not 0
            ? ((delegate* unmanaged<nint, int, int, int, int>)method)(InnerFile(file), offset, count, flags)
            : IoError;

    [UnmanagedCallersOnly]
    private static void BarrierShared(nint file)
    {
        if (InnerMethod(file, XShmBarrier) is var method and not 0)
            ((delegate* unmanaged<nint, void>)method)(InnerFile(file));
    }

    [UnmanagedCallersOnly]
    private static int UnmapShared(nint file, int delete) =>
        InnerMethod(file, XShmUnmap) is var method and not 0
            ? ((delegate* unmanaged<nint, int, int>)method)(InnerFile(file), delete)
            : Sqlite3.Ok;

    [UnmanagedCallersOnly]
    private static int FetchPage(nint file, long offset, int amount, nint page)
    {
        if (InnerMethod(file, XFetch) is var method and not 0)
            return ((delegate* unmanaged<nint, long, int, nint, int>)method)(InnerFile(file), offset, amount, page);
        *(nint*)page = 0;
        return Sqlite3.Ok;
    }

    [UnmanagedCallersOnly]
    private static int UnfetchPage(nint file, long offset, nint page) =>
        InnerMethod(file, XUnfetch) is var method and not 0
            ? ((delegate* unmanaged<nint, long, nint, int>)method)(InnerFile(file), offset, page)
            : Sqlite3.Ok;
}
