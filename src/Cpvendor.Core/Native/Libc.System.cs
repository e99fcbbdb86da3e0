using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

public static unsafe partial class Libc
{
    // struct utsname on Linux: six fields of 65 bytes (sysname, nodename, release, version, machine, domainname).
    private const int UtsFieldLength = 65;

    [LibraryImport("libc", EntryPoint = "gnu_get_libc_version")]
    private static partial byte* GnuGetLibcVersionRaw();

    [LibraryImport("libc", EntryPoint = "uname", SetLastError = true)]
    private static partial int UnameRaw(byte* buffer);

    /// <summary>The version of the C library this process runs on (<c>2.28</c>), as glibc reports it.</summary>
    public static string CLibraryVersion() => Marshal.PtrToStringUTF8((nint)GnuGetLibcVersionRaw()) ?? "";

    /// <summary>The running kernel's release (<c>4.18.0-553.lve.el8.x86_64</c>), from uname(2).</summary>
    public static string KernelRelease()
    {
        var buffer = stackalloc byte[UtsFieldLength * 6];
        if (UnameRaw(buffer) != 0)
            throw new IOException($"uname: errno {Marshal.GetLastPInvokeError()}");
        return Marshal.PtrToStringUTF8((nint)(buffer + (UtsFieldLength * 2))) ?? "";
    }
}
