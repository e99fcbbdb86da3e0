using System.Globalization;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// MAX_UID of docs/contract.md section 3: <c>UID_MAX</c> of the root's <c>/etc/login.defs</c>, 60000 when
/// the file or the setting is missing. Reseller ids lie in MAX_UID..0xFFFFFFFF.
/// </summary>
internal static class LoginDefs
{
    public const long DefaultMaxUid = 60000;

    public static long MaxUid(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DefaultMaxUid;
        }

        foreach (var raw in lines)
        {
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "UID_MAX"
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return value;
        }

        return DefaultMaxUid;
    }
}
