using System.Text;
using System.Text.RegularExpressions;

namespace Cpvendor.Doctor.Ini;

/// <summary>
/// The subset of Python's <c>configparser.ConfigParser()</c> (strict, BasicInterpolation, <c>=</c>
/// and <c>:</c> delimiters, full-line <c>#</c>/<c>;</c> comments, indented continuation lines,
/// lower-cased option names, a DEFAULT section) that decides how CloudLinux reads integration.ini.
/// Errors carry Python's exception names so a finding can quote what CloudLinux would report.
/// </summary>
internal sealed partial class ConfigParserLite : IIniView
{
    private const string DefaultSection = "DEFAULT";
    private readonly List<string> order = [];
    private readonly Dictionary<string, Dictionary<string, string>> sections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> defaults = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Sections => order;

    public bool HasSection(string section) => sections.ContainsKey(section);

    public IReadOnlyList<string> Options(string section) =>
        sections.TryGetValue(section, out var own) ? own.Keys.Concat(defaults.Keys.Where(k => !own.ContainsKey(k))).ToList() : [];

    public static (IIniView? View, string? Error) Read(string text)
    {
        var parser = new ConfigParserLite();
        var error = parser.Parse(text);
        return error is null ? (parser, null) : (null, error);
    }

    public (string? Value, string? Error) Get(string section, string option)
    {
        if (!sections.ContainsKey(section))
            return (null, $"NoSectionError: No section: '{section}'");
        var key = option.ToLowerInvariant();
        var raw = Raw(section, key);
        return raw is null ? (null, $"NoOptionError: No option '{key}' in section: '{section}'") : Interpolate(section, key, raw, 1);
    }

    private string? Raw(string section, string key) =>
        sections.TryGetValue(section, out var own) && own.TryGetValue(key, out var value) ? value
        : defaults.TryGetValue(key, out var inherited) ? inherited : null;

    private (string? Value, string? Error) Interpolate(string section, string key, string raw, int depth)
    {
        if (depth > 10)
            return (null, $"InterpolationDepthError: Recursion limit exceeded in value substitution: option '{key}' in section '{section}'");
        var sb = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '%')
            {
                sb.Append(raw[i]);
                continue;
            }

            if (i + 1 < raw.Length && raw[i + 1] == '%')
            {
                sb.Append('%');
                i++;
                continue;
            }

            var match = i + 1 < raw.Length && raw[i + 1] == '(' ? Reference().Match(raw, i) : Match.Empty;
            if (!match.Success || match.Index != i)
                return (null, $"InterpolationSyntaxError: '%' must be followed by '%' or '(', found: '{raw[i..]}'");
            var name = match.Groups[1].Value.ToLowerInvariant();
            var referenced = Raw(section, name);
            if (referenced is null)
                return (null, $"InterpolationMissingOptionError: Bad value substitution: option '{key}' in section '{section}' contains an interpolation key '{name}' which is not a valid option name");
            var (value, error) = Interpolate(section, name, referenced, depth + 1);
            if (error is not null)
                return (null, error);
            sb.Append(value);
            i += match.Length - 1;
        }

        return (sb.ToString(), null);
    }

    private string? Parse(string text)
    {
        Dictionary<string, string>? current = null;
        string? currentSection = null;
        string? lastKey = null;
        var keyIndent = 0;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            var stripped = line.Trim();
            if (stripped.Length == 0 || stripped[0] is '#' or ';')
            {
                if (stripped.Length == 0)
                    lastKey = null;
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (current is not null && lastKey is not null && indent > keyIndent)
            {
                current[lastKey] = current[lastKey] + "\n" + stripped;
                continue;
            }

            var header = Header().Match(stripped);
            if (header.Success)
            {
                var name = header.Groups[1].Value;
                if (name == DefaultSection)
                {
                    current = defaults;
                }
                else
                {
                    if (sections.ContainsKey(name))
                        return $"DuplicateSectionError: While reading from '<string>' [line {n + 1,2}]: section '{name}' already exists";
                    current = new Dictionary<string, string>(StringComparer.Ordinal);
                    sections[name] = current;
                    order.Add(name);
                }

                currentSection = name;
                lastKey = null;
                continue;
            }

            if (current is null)
                return $"MissingSectionHeaderError: File contains no section headers. line: {n + 1}: '{line}'";
            var cut = stripped.IndexOfAny(['=', ':']);
            if (cut <= 0)
                return $"ParsingError: Source contains parsing errors: '<string>' [line {n + 1,2}]: '{line}'";
            var key = stripped[..cut].Trim().ToLowerInvariant();
            if (current.ContainsKey(key))
                return $"DuplicateOptionError: While reading from '<string>' [line {n + 1,2}]: option '{key}' in section '{currentSection}' already exists";
            current[key] = stripped[(cut + 1)..].Trim();
            lastKey = key;
            keyIndent = indent;
        }

        return null;
    }

    [GeneratedRegex(@"^\[(.+)\]")]
    private static partial Regex Header();

    [GeneratedRegex(@"%\(([^)]+)\)s")]
    private static partial Regex Reference();
}
