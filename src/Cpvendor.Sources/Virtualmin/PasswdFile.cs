using System.Globalization;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>The UNIX users of this host as ROOT/etc/passwd lists them (the doctor reads the same file): name to uid.</summary>
internal static class PasswdFile
{
    public static string PathUnder(string root) => Path.Combine(Path.GetFullPath(root), "etc/passwd");

    public static Dictionary<string, uint> Read(string root)
    {
        var users = new Dictionary<string, uint>(StringComparer.Ordinal);
        var path = PathUnder(root);
        if (!File.Exists(path))
            return users;
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(':');
            if (fields.Length >= 3 && fields[0].Length > 0 && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
                users.TryAdd(fields[0], uid);
        }

        return users;
    }
}
