namespace Cpvendor.Sources.Validation;

/// <summary>
/// A panel's contact address as the contract carries it (docs/contract.md section 8): panels such as
/// Virtualmin keep an RFC 5322 <c>name-addr</c>, a display name before the address in angle brackets
/// (<c>Site Owner &lt;owner@example.com&gt;</c>, <c>"Owner, Site" &lt;owner@example.com&gt;</c>); the
/// contract has room for the address only, so that is what is read. A value of any other shape is
/// returned as it is, for the e-mail rule to judge.
/// </summary>
internal static class ContactAddress
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~.";

    public static string? Of(string? value)
    {
        if (value is null || !value.EndsWith('>'))
            return value;
        var i = 0;
        // The display name: atoms (with '.', RFC 5322's obsolete phrase) and quoted strings, between blanks.
        while (i < value.Length && value[i] != '<')
        {
            var c = value[i];
            if (c is ' ' or '\t')
                i++;
            else if (c == '"')
                i = QuotedEnd(value, i);
            else if (char.IsAsciiLetterOrDigit(c) || AtomSpecials.Contains(c, StringComparison.Ordinal))
                i++;
            else
                return value;
            if (i < 0)
                return value;
        }

        var close = value.IndexOf('>', i + 1);
        return i < value.Length && close == value.Length - 1 ? value[(i + 1)..close] : value;
    }

    /// <summary>The index just past the quoted string that starts at <paramref name="start"/>, or -1 when it does not end.</summary>
    private static int QuotedEnd(string value, int start)
    {
        for (var i = start + 1; i < value.Length; i++)
        {
            if (value[i] == '\\')
                i++;
            else if (value[i] == '"')
                return i + 1;
            else if (value[i] is < ' ' or > '~')
                return -1;
        }

        return -1;
    }
}
