using System.Text;

namespace Cpvendor.Doctor;

/// <summary>
/// What <c>/etc/os-release</c> (or <c>/usr/lib/os-release</c>) says about the distribution: lines of
/// <c>KEY=VALUE</c>, a value bare or in single or double quotes, in double quotes with backslash
/// escapes; <c>#</c> starts a comment line (os-release(5)).
/// </summary>
public sealed record OsRelease(string Id, string? VersionId, string PrettyName)
{
    /// <summary>The first number of VERSION_ID (<c>8</c> of <c>8.10</c>), or null when there is none.</summary>
    public int? Major =>
        VersionId is { } version && int.TryParse(version.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) ? major : null;

    /// <summary>Reads the file's text; null when it names no distribution (no ID).</summary>
    public static OsRelease? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
                continue;
            values[line[..at]] = Unquote(line[(at + 1)..]);
        }

        if (!values.TryGetValue("ID", out var id) || id.Length == 0)
            return null;
        values.TryGetValue("VERSION_ID", out var versionId);
        var pretty = values.TryGetValue("PRETTY_NAME", out var p) && p.Length > 0 ? p
            : values.TryGetValue("NAME", out var name) && name.Length > 0 ? $"{name} {versionId}".TrimEnd()
            : id;
        return new OsRelease(id, string.IsNullOrEmpty(versionId) ? null : versionId, pretty);
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
            return value[1..^1];
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            return value;
        var inner = value[1..^1];
        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length && inner[i + 1] is '"' or '\\' or '$' or '`')
                i++;
            result.Append(inner[i]);
        }

        return result.ToString();
    }
}
