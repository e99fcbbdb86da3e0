using System.Text;

namespace Cpvendor.Conformance.Running;

/// <summary>Quotes words for display so that a reader can paste a call into a shell.</summary>
internal static class ShellQuote
{
    private const int MaxShown = 120;

    public static string Quote(string word)
    {
        if (word.Length > MaxShown)
            return Quote(word[..40]) + $"...({word.Length} characters)";
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c, StringComparison.Ordinal)))
            return word;
        if (word.All(c => !IsOdd(c)))
            return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        var sb = new StringBuilder("$'");
        foreach (var c in word)
        {
            if (c is '\'' or '\\')
                sb.Append('\\').Append(c);
            else if (c < ' ' || c == '\x7f')
                sb.Append($"\\x{(int)c:x2}");
            else if (IsOdd(c))
                sb.Append($"\\u{(int)c:x4}");
            else
                sb.Append(c);
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>Characters that would garble a report line: controls, format marks (bidi overrides), surrogates.</summary>
    private static bool IsOdd(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    public static string QuoteBytes(byte[] bytes)
    {
        var sb = new StringBuilder("$'");
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7f && b != '\'' && b != '\\')
                sb.Append((char)b);
            else
                sb.Append($"\\x{b:x2}");
        }

        return sb.Append('\'').ToString();
    }

    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
