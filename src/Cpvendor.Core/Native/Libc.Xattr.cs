using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

public static unsafe partial class Libc
{
    private const int ErrNoData = 61; // ENODATA: the file has no such attribute
    private const int ErrRange = 34; // ERANGE: the attribute grew between the two calls

    [LibraryImport("libc", EntryPoint = "lgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint LGetXattrRaw(string path, string name, byte* value, nint size);

    /// <summary>
    /// The value of the extended attribute <paramref name="name"/> of <paramref name="path"/> itself (a
    /// link is not followed): empty when the file has none or its file system keeps none; throws when
    /// it cannot be read, so that a caller judging trust never mistakes a failure for "no attribute".
    /// </summary>
    public static byte[] LinkAttribute(string path, string name)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var size = LGetXattrRaw(path, name, null, 0);
            if (size < 0)
                return MissingAttribute(path, name);
            var value = new byte[size];
            fixed (byte* p = value)
            {
                var read = size == 0 ? 0 : LGetXattrRaw(path, name, p, size);
                if (read >= 0)
                    return value[..(int)read];
            }

            if (Marshal.GetLastPInvokeError() != ErrRange)
                return MissingAttribute(path, name);
        }

        throw new IOException($"the attribute {name} of {path} keeps changing size");
    }

    [LibraryImport("libc", EntryPoint = "fgetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint FGetXattrRaw(int fd, string name, byte* value, nint size);

    [LibraryImport("libc", EntryPoint = "lsetxattr", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LSetXattrRaw(string path, string name, byte* value, nint size, int flags);

    /// <summary>
    /// Reads the extended attribute <paramref name="name"/> of an open file into <paramref name="value"/>:
    /// its length, or -1 (errno set) when it has none, it does not fit or it cannot be read.
    /// </summary>
    public static int DescriptorAttribute(int fd, string name, Span<byte> value)
    {
        fixed (byte* p = value)
            return (int)FGetXattrRaw(fd, name, p, value.Length);
    }

    /// <summary>
    /// Sets the extended attribute <paramref name="name"/> of <paramref name="path"/> itself (a link
    /// is not followed): false when its file system keeps no such attributes; throws on any other failure.
    /// </summary>
    public static bool SetLinkAttribute(string path, string name, ReadOnlySpan<byte> value)
    {
        fixed (byte* p = value)
        {
            if (LSetXattrRaw(path, name, p, value.Length, 0) == 0)
                return true;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == ErrNotSupported ? false : throw new IOException($"cannot set the attribute {name} of {path}: errno {errno}");
    }

    private static byte[] MissingAttribute(string path, string name)
    {
        var errno = Marshal.GetLastPInvokeError();
        return errno is ErrNoData or ErrNotSupported
            ? []
            : throw new IOException($"cannot read the attribute {name} of {path}: errno {errno}");
    }
}
