namespace Cpvendor.Conformance.Ini;

/// <summary>
/// The bits of Python's string semantics configparser relies on: what <c>str.isspace()</c> and the
/// regex class <c>\s</c> call whitespace (wider than .NET's <see cref="char.IsWhiteSpace(char)"/>),
/// <c>str.strip()</c>, and how a text file opened with universal newlines is cut into lines.
/// </summary>
internal static class PyText
{
    public static bool IsSpace(char c) => c switch
    {
        >= '\t' and <= '\r' => true,
        >= '\x1c' and <= ' ' => true,
        '\x85' or '\xa0' or '\u1680' => true,
        >= '\u2000' and <= '\u200a' => true,
        '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000' => true,
        _ => false,
    };

    public static string Strip(string s) => RStrip(LStrip(s));

    public static string LStrip(string s)
    {
        var start = 0;
        while (start < s.Length && IsSpace(s[start]))
            start++;
        return s[start..];
    }

    public static string RStrip(string s)
    {
        var end = s.Length;
        while (end > 0 && IsSpace(s[end - 1]))
            end--;
        return s[..end];
    }

    /// <summary>Index of the first non-whitespace character, or -1.</summary>
    public static int FirstNonSpace(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (!IsSpace(s[i]))
                return i;
        }

        return -1;
    }

    /// <summary>
    /// Lines as iterating a file opened in text mode yields them: <c>\r\n</c> and <c>\r</c> become
    /// <c>\n</c>, each line keeps its newline, other separators (form feed, U+2028) stay inside lines.
    /// </summary>
    public static IEnumerable<string> Lines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var start = 0;
        while (start < normalized.Length)
        {
            var nl = normalized.IndexOf('\n', start);
            if (nl < 0)
            {
                yield return normalized[start..];
                yield break;
            }

            yield return normalized[start..(nl + 1)];
            start = nl + 1;
        }
    }

    /// <summary>Python's <c>repr()</c> of a short string, for messages that mirror configparser's.</summary>
    public static string Repr(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
