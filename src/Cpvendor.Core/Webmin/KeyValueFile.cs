using System.Text;

namespace Cpvendor.Core.Webmin;

/// <summary>
/// The <c>name=value</c> files Webmin and Virtualmin keep their settings and records in, read by
/// the rules of Webmin's own reader: carriage returns and newlines are dropped, a line whose first
/// character is <c>#</c> is a comment, a line without <c>=</c> is ignored, the name ends at the first
/// <c>=</c> (the value may contain more), and a name given twice keeps its last value.
/// </summary>
public static class KeyValueFile
{
    /// <summary>The pairs of a file; an empty dictionary when it does not exist.</summary>
    public static Dictionary<string, string> Read(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    public static Dictionary<string, string> Parse(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Replace("\r", "", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals < 0)
                continue;
            pairs[line[..equals]] = line[(equals + 1)..];
        }

        return pairs;
    }

    /// <summary>
    /// The text with <paramref name="name"/> set to <paramref name="value"/> (or removed when null),
    /// every other line kept as it was: the first line of that name is replaced in place, later
    /// ones are dropped, and a name not there yet is appended.
    /// </summary>
    public static string With(string text, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (name.Length == 0 || name.Contains('=', StringComparison.Ordinal) || value?.IndexOfAny(['\n', '\r']) >= 0)
            throw CpvendorException.Invalid($"'{name}' cannot be written as one name=value line");
        var lines = text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').ToList();
        var result = new List<string>();
        var done = false;
        foreach (var line in lines)
        {
            var clean = line.Replace("\r", "", StringComparison.Ordinal);
            if (!clean.StartsWith('#') && clean.StartsWith(name + "=", StringComparison.Ordinal))
            {
                if (!done && value is not null)
                    result.Add(name + "=" + value);
                done = true;
                continue;
            }

            result.Add(line);
        }

        if (!done && value is not null)
            result.Add(name + "=" + value);
        var builder = new StringBuilder();
        foreach (var line in result)
            builder.Append(line).Append('\n');
        return builder.ToString();
    }
}
