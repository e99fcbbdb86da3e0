using Cpvendor.Core;

namespace Cpvendor.Host.Plan;

/// <summary>
/// The build of a binary linked position-independent (<c>BINARY-pie</c> beside it, made by
/// ./build.sh and shipped by the RPM and the .deb), for the binary and the small cpapi binary alike.
/// The privileged copies run as root, so they are this build, whose image the kernel randomises; the
/// unprivileged binaries stay at a fixed address, where they start faster (docs/security.md,
/// docs/performance.md).
/// </summary>
internal static class PositionIndependentCopy
{
    public static string Of(string binary) => binary + "-pie";

    /// <summary>The bytes of the position-independent build; refuses to fall back to the fixed-address one.</summary>
    public static byte[] Read(string binary)
    {
        var path = Of(binary);
        if (!File.Exists(path))
            throw CpvendorException.Invalid($"privileged mode installs the position-independent build, and there is no {path}: build it with ./build.sh (or install from the RPM)");
        var bytes = File.ReadAllBytes(path);
        // ELF e_type at offset 16: 3 is ET_DYN (position-independent), 2 ET_EXEC (fixed address).
        if (bytes.Length < 18 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[16] != 3 || bytes[17] != 0)
            throw CpvendorException.Invalid($"{path} is not a position-independent executable");
        return bytes;
    }
}
