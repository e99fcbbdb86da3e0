using System.Text;

namespace Cpvendor.Conformance.Ini;

/// <summary>
/// Reads a file the way <c>configparser.ConfigParser()</c> with default settings does
/// (<c>ConfigParser._read</c>, Python 3.8 to 3.12): <c>#</c> and <c>;</c> start comments only at the
/// start of a line (no inline comments), <c>=</c> or <c>:</c> separate name from value, a line indented
/// deeper than its option continues the value (blank lines inside it kept), <c>[DEFAULT]</c> feeds every
/// section, duplicate sections or options are errors (strict mode), and any malformed line makes the
/// whole read fail. The result is either a document or the error Python would raise.
/// </summary>
public static class ConfigParserReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IniDocument? Document, IniError? Error) Read(byte[] bytes)
    {
        string text;
        try
        {
            // open(..., encoding='utf-8') keeps a byte order mark as a character, so do we.
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return (null, new IniError("UnicodeDecodeError", $"the file is not valid UTF-8: {e.Message}"));
        }

        return Read(text);
    }

    public static (IniDocument? Document, IniError? Error) Read(string text)
    {
        var order = new List<string>();
        var sections = new Dictionary<string, OrderedOptions>(StringComparer.Ordinal);
        var defaults = new OrderedOptions();
        var added = new HashSet<string>(StringComparer.Ordinal);
        OrderedOptions? current = null;
        string? sectionName = null;
        string? optionName = null;
        var indentLevel = 0;
        var badLines = new List<string>();
        var firstBadLine = 0;
        var lineNumber = 0;

        foreach (var line in PyText.Lines(text))
        {
            lineNumber++;
            var stripped = PyText.Strip(line);
            var isComment = stripped.StartsWith('#') || stripped.StartsWith(';');
            var value = isComment ? "" : stripped;
            if (value.Length == 0)
            {
                // empty_lines_in_values: a blank (not comment) line belongs to the value being read.
                if (!isComment && current is not null && !string.IsNullOrEmpty(optionName))
                    current.Append(optionName, "");
                continue;
            }

            var first = PyText.FirstNonSpace(line);
            var curIndent = first < 0 ? 0 : first;
            if (current is not null && !string.IsNullOrEmpty(optionName) && curIndent > indentLevel)
            {
                current.Append(optionName, value);
                continue;
            }

            indentLevel = curIndent;
            if (SectionHeader(value) is { } header)
            {
                sectionName = header;
                if (sections.TryGetValue(header, out var existing))
                {
                    if (added.Contains(header))
                        return (null, new IniError("DuplicateSectionError", $"section {PyText.Repr(header)} already exists", lineNumber));
                    current = existing;
                    added.Add(header);
                }
                else if (header == IniDocument.DefaultSection)
                {
                    current = defaults;
                }
                else
                {
                    current = new OrderedOptions();
                    sections[header] = current;
                    order.Add(header);
                    added.Add(header);
                }

                optionName = null;
            }
            else if (current is null)
            {
                return (null, new IniError("MissingSectionHeaderError", $"File contains no section headers: {PyText.Repr(line)}", lineNumber));
            }
            else if (OptionLine(value) is var (name, optionValue))
            {
                if (name.Length == 0)
                    Bad(line);
                optionName = IniDocument.OptionName(PyText.RStrip(name));
                var key = sectionName + "\0" + optionName;
                if (added.Contains(key))
                    return (null, new IniError("DuplicateOptionError", $"option {PyText.Repr(optionName)} in section {PyText.Repr(sectionName ?? "")} already exists", lineNumber));
                added.Add(key);
                current.Set(optionName, PyText.Strip(optionValue));
            }
            else
            {
                Bad(line);
            }
        }

        if (badLines.Count > 0)
            return (null, new IniError("ParsingError", "Source contains parsing errors: " + string.Join("; ", badLines), firstBadLine));

        defaults.Join();
        foreach (var options in sections.Values)
            options.Join();
        return (new IniDocument(order, sections, defaults), null);

        void Bad(string line)
        {
            if (badLines.Count == 0)
                firstBadLine = lineNumber;
            badLines.Add($"[line {lineNumber,2}]: {PyText.Repr(line)}");
        }
    }

    /// <summary><c>SECTCRE</c>, <c>\[(?P&lt;header&gt;.+)\]</c> matched at the start: up to the last <c>]</c>.</summary>
    private static string? SectionHeader(string value)
    {
        if (value.Length < 3 || value[0] != '[')
            return null;
        var close = value.LastIndexOf(']');
        if (close < 2)
            return null;
        var header = value[1..close];
        return header.Contains('\n', StringComparison.Ordinal) ? null : header;
    }

    /// <summary><c>OPTCRE</c>: the name is everything before the first <c>=</c> or <c>:</c>.</summary>
    private static (string Name, string Value)? OptionLine(string value)
    {
        var delimiter = value.IndexOfAny(['=', ':']);
        if (delimiter < 0)
            return null;
        return (value[..delimiter], PyText.LStrip(value[(delimiter + 1)..]));
    }
}
