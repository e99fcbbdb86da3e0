using System.Globalization;

namespace Cpvendor.Core;

/// <summary>
/// Every permission cpvendor gives a file or folder, and the masks its checks test, in one place
/// (docs/security.md explains who may read what). Files are owned by root (<see cref="RootUid"/>)
/// unless a comment at the use says otherwise: per-user answers belong to their uid, the store and
/// the admin snapshots to the admin group.
/// </summary>
public static class FileModes
{
    public const uint RootUid = 0;

    /// <summary>0755: a folder every user may enter and list.</summary>
    public const UnixFileMode PublicFolder = (UnixFileMode)0b111_101_101;

    /// <summary>0644: a file every user may read (integration.ini, public panel_info, systemd units).</summary>
    public const UnixFileMode PublicFile = (UnixFileMode)0b110_100_100;

    /// <summary>0755: a program every user may run.</summary>
    public const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    /// <summary>0711: a folder every user may enter but only root may list (the per-user answers).</summary>
    public const UnixFileMode UsersFolder = (UnixFileMode)0b111_001_001;

    /// <summary>0400: a file only its owner may read (a per-user answer, owned by that uid).</summary>
    public const UnixFileMode OwnerReadOnly = UnixFileMode.UserRead;

    /// <summary>0750: a folder for root and the admin group.</summary>
    public const UnixFileMode GroupFolder = (UnixFileMode)0b111_101_000;

    /// <summary>0640: a file for root and the admin group (the store, the admin snapshots).</summary>
    public const UnixFileMode GroupFile = (UnixFileMode)0b110_100_000;

    /// <summary>0700: a folder (or program) for root alone.</summary>
    public const UnixFileMode PrivateFolder = (UnixFileMode)0b111_000_000;

    /// <summary>0600: a secret or a root-only file (the db_info credential, tokens, locks, logs).</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>0440: a sudoers drop-in.</summary>
    public const UnixFileMode Sudoers = (UnixFileMode)0b100_100_000;

    /// <summary>0077: any permission for group or others.</summary>
    public const UnixFileMode AnyGroupOrOther = (UnixFileMode)0b000_111_111;

    /// <summary>0007: any permission for others.</summary>
    public const UnixFileMode AnyOther = (UnixFileMode)0b000_000_111;

    /// <summary>0044: read for group or others.</summary>
    public const UnixFileMode GroupOrOtherRead = (UnixFileMode)0b000_100_100;

    /// <summary>0022: write for group or others.</summary>
    public const UnixFileMode GroupOrOtherWrite = UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>0222: write for anyone (the owner included).</summary>
    public const UnixFileMode AnyWrite = (UnixFileMode)0b010_010_010;

    /// <summary>The mode as four octal digits, <c>0644</c>.</summary>
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xfff, 8).PadLeft(3, '0');

    /// <summary>An octal mode such as <c>0644</c> or <c>644</c>.</summary>
    public static UnixFileMode Parse(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);

    /// <summary>A uid or gid as text, as <c>chown</c> takes it.</summary>
    public static string Id(uint id) => id.ToString(CultureInfo.InvariantCulture);
}
