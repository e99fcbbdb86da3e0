using System.Text;

namespace Cpvendor.Conformance.Ini;

/// <summary>
/// configparser's <c>BasicInterpolation.before_get</c>: <c>%%</c> is a percent sign,
/// <c>%(name)s</c> the value of another option of the same section or DEFAULT (itself interpolated,
/// at most 10 levels deep), any other <c>%</c> an error.
/// </summary>
internal static class BasicInterpolation
{
    private const int MaxDepth = 10;

    public static (string? Value, IniError? Error) Interpolate(string option, string section, string raw, Func<string, string?> lookup)
    {
        var accum = new StringBuilder();
        var error = Some(option, section, raw, accum, raw, lookup, 1);
        return error is null ? (accum.ToString(), null) : (null, error);
    }

    private static IniError? Some(string option, string section, string rawValue, StringBuilder accum, string rest, Func<string, string?> lookup, int depth)
    {
        if (depth > MaxDepth)
            return new IniError("InterpolationDepthError", $"Recursion limit exceeded in value substitution: option {PyText.Repr(option)} in section {PyText.Repr(section)} contains an interpolation key which cannot be substituted in {MaxDepth} steps. Raw value: {PyText.Repr(rawValue)}");
        while (rest.Length > 0)
        {
            var p = rest.IndexOf('%', StringComparison.Ordinal);
            if (p < 0)
            {
                accum.Append(rest);
                return null;
            }

            if (p > 0)
            {
                accum.Append(rest, 0, p);
                rest = rest[p..];
            }

            var c = rest.Length > 1 ? rest[1] : '\0';
            if (rest.Length > 1 && c == '%')
            {
                accum.Append('%');
                rest = rest[2..];
            }
            else if (rest.Length > 1 && c == '(')
            {
                var close = rest.IndexOf(')', 2);
                if (close <= 2 || close + 1 >= rest.Length || rest[close + 1] != 's')
                    return new IniError("InterpolationSyntaxError", $"bad interpolation variable reference {PyText.Repr(rest)}");
                var name = IniDocument.OptionName(rest[2..close]);
                rest = rest[(close + 2)..];
                var value = lookup(name);
                if (value is null)
                    return new IniError("InterpolationMissingOptionError", $"Bad value substitution: option {PyText.Repr(option)} in section {PyText.Repr(section)} contains an interpolation key {PyText.Repr(name)} which is not a valid option name. Raw value: {PyText.Repr(rawValue)}");
                if (value.Contains('%', StringComparison.Ordinal))
                {
                    if (Some(option, section, rawValue, accum, value, lookup, depth + 1) is { } inner)
                        return inner;
                }
                else
                {
                    accum.Append(value);
                }
            }
            else
            {
                return new IniError("InterpolationSyntaxError", $"'%' must be followed by '%' or '(', found: {PyText.Repr(rest)}");
            }
        }

        return null;
    }
}
