namespace Cpvendor.Prerendered;

/// <summary>
/// What identifies one published read-model generation by its file alone: device, inode, size and
/// modification time. Every publish renames a different file into place (a patched spare has a new
/// modification time), so a book stamped with another generation's identity is stale.
/// </summary>
public readonly record struct GenerationStamp(ulong Device, ulong Inode, long Size, long MtimeSeconds, uint MtimeNanoseconds)
{
    /// <summary>The identity of the file at <paramref name="path"/> now, or null when it does not exist.</summary>
    public static GenerationStamp? Of(string path) => Native.Stat(path);

    /// <summary>The identity of the file at <paramref name="path"/> if this process can open it for reading, else null.</summary>
    public static GenerationStamp? OfReadable(string path)
    {
        var fd = Native.Open(path);
        if (fd < 0)
            return null;
        try
        {
            return Native.Stat(fd);
        }
        finally
        {
            Native.Close(fd);
        }
    }
}
