namespace Cpvendor.Doctor.Host;

/// <summary>An <c>/etc/group</c> or <c>/etc/passwd</c> style file read from the root, not through NSS, so a copied tree is judged on its own.</summary>
internal sealed record AccountFiles(
    IReadOnlyDictionary<string, (uint Gid, IReadOnlyList<string> Members)> Groups,
    IReadOnlyDictionary<string, (uint Uid, uint Gid)> Users)
{
    public static AccountFiles Parse(string? groupText, string? passwdText)
    {
        var groups = new Dictionary<string, (uint, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var line in (groupText ?? "").Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && uint.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var gid))
                groups.TryAdd(fields[0], (gid, fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }

        var users = new Dictionary<string, (uint, uint)>(StringComparer.Ordinal);
        foreach (var line in (passwdText ?? "").Split('\n'))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4
                && uint.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var uid)
                && uint.TryParse(fields[3], System.Globalization.CultureInfo.InvariantCulture, out var gid))
            {
                users.TryAdd(fields[0], (uid, gid));
            }
        }

        return new AccountFiles(groups, users);
    }

    /// <summary>Whether a user belongs to a group, as a supplementary member or through its primary group.</summary>
    public bool IsMember(string user, string group) =>
        Groups.TryGetValue(group, out var g)
        && (g.Members.Contains(user) || (Users.TryGetValue(user, out var u) && u.Gid == g.Gid));
}
