using Cpvendor.Core;

namespace Cpvendor.Host.Steps;

/// <summary>The install's names for the permissions of <see cref="FileModes"/>, and the comparison every step makes.</summary>
internal static class Modes
{
    public const UnixFileMode Dir = FileModes.PublicFolder;
    public const UnixFileMode UsersDir = FileModes.UsersFolder;
    public const UnixFileMode Public = FileModes.PublicFile;
    public const UnixFileMode Executable = FileModes.Executable;
    public const UnixFileMode RootExecutable = FileModes.PrivateFolder;
    public const UnixFileMode Secret = FileModes.PrivateFile;
    public const UnixFileMode Sudoers = FileModes.Sudoers;

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

    public static string Octal(UnixFileMode mode) => FileModes.Octal(mode);

    public static string OctalOf(int mode) => FileModes.Octal((UnixFileMode)mode);
}
