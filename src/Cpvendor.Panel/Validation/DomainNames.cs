using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// Domain names as the store keeps them: lower case ASCII, internationalised labels as Punycode
/// A-labels (<c>bücher.de</c> becomes <c>xn--bcher-kva.de</c>), no trailing dot, at least two labels
/// of 1-63 letters, digits and inner hyphens, 253 characters at most.
/// </summary>
internal static class DomainNames
{
    public static string Normalize(string? input)
    {
        var value = input ?? "";
        if (value.EndsWith('.'))
            value = value[..^1];
        // Nothing invisible anywhere: no spaces, controls, format (bidi) characters or surrogates,
        // also not at the ends (a name ending in a newline is refused, not trimmed).
        if (value.Length == 0 || value.Length > 253 * 4 || value.Any(c => char.IsWhiteSpace(c) || IsInvisible(c)))
            throw Bad(input, "empty, too long or contains spaces or invisible characters");

        value = Compose(value).ToLowerInvariant();
        var labels = value.Split('.');
        if (labels.Length < 2)
            throw Bad(input, "a domain needs at least two labels");
        var ascii = new StringBuilder();
        foreach (var label in labels)
        {
            var encoded = label.All(char.IsAscii) ? label : "xn--" + Punycode.Encode(label);
            if (encoded.Length is 0 or > 63)
                throw Bad(input, "each label has 1-63 characters");
            if (encoded[0] == '-' || encoded[^1] == '-')
                throw Bad(input, "a label may not start or end with '-'");
            if (!encoded.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                throw Bad(input, "use letters, digits and '-' (or international letters)");
            if (ascii.Length > 0)
                ascii.Append('.');
            ascii.Append(encoded);
        }

        if (labels[^1].All(char.IsAsciiDigit))
            throw Bad(input, "the top-level label cannot be numeric");
        if (ascii.Length > 253)
            throw Bad(input, "longer than 253 characters");
        return ascii.ToString();
    }

    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
        or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
        or System.Globalization.UnicodeCategory.OtherNotAssigned;

    private static string Compose(string value)
    {
        if (value.All(char.IsAscii))
            return value;
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (PlatformNotSupportedException)
        {
            return value;
        }
    }

    private static CpvendorException Bad(string? input, string why) =>
        CpvendorException.Invalid($"invalid domain name '{Names.Show(input)}': {why}");
}
