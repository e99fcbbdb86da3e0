using System.Globalization;

namespace Cpvendor.Core;

/// <summary>
/// The numeric settings of <c>/etc/login.defs</c> that the contract relies on (docs/contract.md
/// sections 3 and 7): <c>UID_MAX</c>, above which reseller ids lie, and <c>UID_MIN</c>, from which
/// CageFS cages users. A line is <c>NAME VALUE</c> separated by blanks; the first line naming a
/// setting counts; a comment line never matches because its first word is <c>#</c>.
/// </summary>
public static class LoginDefs
{
    /// <summary>UID_MAX when the file or the setting is missing or unreadable.</summary>
    public const long DefaultUidMax = 60000;

    /// <summary>UID_MAX of the file at <paramref name="path"/>, or <see cref="DefaultUidMax"/>.</summary>
    public static long UidMax(string path) => ReadOrNull(path) is { } text && Number(text, "UID_MAX") is { } value ? value : DefaultUidMax;

    /// <summary>UID_MIN when the file or the setting is missing or unreadable.</summary>
    public const long DefaultUidMin = 1000;

    /// <summary>UID_MIN of the file at <paramref name="path"/> (the first uid of a regular, non-system account), or <see cref="DefaultUidMin"/>.</summary>
    public static long UidMin(string path) => ReadOrNull(path) is { } text && Number(text, "UID_MIN") is { } value ? value : DefaultUidMin;

    /// <summary>UID_MAX of <c>etc/login.defs</c> under an install root.</summary>
    public static long UidMaxUnder(string root) => UidMax(Path.Combine(Path.GetFullPath(root), "etc/login.defs"));

    /// <summary>The value of <paramref name="name"/> when it is a plain non-negative number, else null.</summary>
    public static long? Number(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == name)
                return long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }

        return null;
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
