using System.Globalization;

namespace Cpvendor.Sources.Storage;

/// <summary>MAX_UID as docs/contract.md section 3 defines it for reseller ids: UID_MAX of the host's login.defs.</summary>
internal static class LoginDefs
{
    public const long DefaultUidMax = 60000;

    public static long UidMax(string root)
    {
        var path = Path.Combine(Path.GetFullPath(root), "etc/login.defs");
        if (!File.Exists(path))
            return DefaultUidMax;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && parts[0] == "UID_MAX" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max))
                return max;
        }

        return DefaultUidMax;
    }
}
