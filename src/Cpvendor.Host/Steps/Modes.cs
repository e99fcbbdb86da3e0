using System.Globalization;

namespace Cpvendor.Host.Steps;

/// <summary>The permission bits install uses, and how they are shown.</summary>
internal static class Modes
{
    public const UnixFileMode Dir = (UnixFileMode)0b111_101_101; // 0755
    public const UnixFileMode UsersDir = (UnixFileMode)0b111_001_001; // 0711
    public const UnixFileMode Public = (UnixFileMode)0b110_100_100; // 0644
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101; // 0755
    public const UnixFileMode RootExecutable = (UnixFileMode)0b111_000_000; // 0700
    public const UnixFileMode GroupReadable = (UnixFileMode)0b110_100_000; // 0640
    public const UnixFileMode Secret = (UnixFileMode)0b110_000_000; // 0600
    public const UnixFileMode Sudoers = (UnixFileMode)0b100_100_000; // 0440

    /// <summary>
    /// Why an existing path does not have <paramref name="mode"/> and (when installing as root) the
    /// owner root:<paramref name="gid"/>; null when it has both.
    /// </summary>
    public static string? Mismatch((uint Uid, uint Gid, UnixFileMode Mode) status, UnixFileMode mode, uint gid, bool asRoot)
    {
        if (status.Mode != mode)
            return $"mode is {Octal(status.Mode)}";
        if (asRoot && (status.Uid != 0 || status.Gid != gid))
            return $"owned by {status.Uid}:{status.Gid}";
        return null;
    }

    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xfff, 8).PadLeft(3, '0');

    public static string OctalOf(int mode) => Octal((UnixFileMode)mode);

    public static int Parse(string octal) => Convert.ToInt32(octal, 8);

    public static string Id(uint id) => id.ToString(CultureInfo.InvariantCulture);
}
