using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

public static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFsRaw(int fd);

    /// <summary>
    /// Flushes everything written to the file system that holds <paramref name="folder"/> to disk in
    /// one call: the cheap way to make many new files durable before they are renamed into place.
    /// </summary>
    public static void SyncFileSystemOf(string folder)
    {
        const int O_RDONLY = 0;
        const int O_DIRECTORY = 0x10000;
        const int O_CLOEXEC = 0x80000;
        var fd = OpenRaw(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd < 0)
            throw new IOException($"open {folder}: errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (SyncFsRaw(fd) != 0)
                throw new IOException($"syncfs {folder}: errno {Marshal.GetLastPInvokeError()}");
        }
        finally
        {
            _ = CloseRaw(fd);
        }
    }
}
