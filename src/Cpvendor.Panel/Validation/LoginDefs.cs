using System.Globalization;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// MAX_UID of CONTRACT.md section 3: <c>UID_MAX</c> of the root's <c>/etc/login.defs</c>, 60000 when
/// the file or the setting is missing. Reseller ids lie in MAX_UID..0xFFFFFFFF.
/// </summary>
internal static class LoginDefs
{
    public const long DefaultMaxUid = 60000;

    public const long DefaultMinUid = 1000;

    public static long MaxUid(string path) => Setting(path, "UID_MAX", DefaultMaxUid);

    /// <summary><c>UID_MIN</c>: the first uid of a regular (non-system) account, 1000 when missing.</summary>
    public static long MinUid(string path) => Setting(path, "UID_MIN", DefaultMinUid);

    private static long Setting(string path, string key, long fallback)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return fallback;
        }

        foreach (var raw in lines)
        {
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == key
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return value;
        }

        return fallback;
    }
}
