using System.Text;
using System.Text.Json.Nodes;

namespace Cpvendor.UnitTests.Ini;

/// <summary>
/// Inputs that exercise every rule of configparser's reader and interpolation, with Python's answer
/// for each computed once (one python3 run for all of them).
/// </summary>
internal static class IniSamples
{
    public static readonly IReadOnlyDictionary<string, byte[]> Cases = new Dictionary<string, byte[]>
    {
        ["plain_sections"] = T("[integration_scripts]\npanel_info = /opt/x/bin/tool panel_info\nusers=/opt/x/bin/tool users\n\n[lvemanager_config]\nrun_service = 1\n"),
        ["keys_are_case_insensitive"] = T("[s]\nPanel_Info = a\nUSERS = b\n"),
        ["section_names_are_case_sensitive"] = T("[S]\na = 1\n[s]\na = 2\n"),
        ["colon_delimiter_and_first_delimiter_wins"] = T("[s]\na: b = c\nd = e: f\nurl = https://x:8443/a=b\n"),
        ["whitespace_around_names_and_values"] = T("[s]\n   spaced name   =   value with spaces   \n\ttabbed\t=\tv\t\n"),
        ["empty_value"] = T("[s]\na =\nb=\n"),
        ["full_line_comments"] = T("# top\n; top\n[s]\n# c\n  ; indented comment\na = 1\n"),
        ["inline_comment_markers_stay_in_the_value"] = T("[s]\na = /bin/x ; comment\nb = value # not a comment\n"),
        ["continuation_lines"] = T("[s]\na = first\n  second\n\tthird\nb = 2\n"),
        ["blank_line_inside_value"] = T("[s]\na = first\n\n  after blank\nb = 2\n"),
        ["comment_inside_continuation"] = T("[s]\na = first\n# comment\n  continued\n"),
        ["trailing_blank_lines_dropped"] = T("[s]\na = first\n  second\n\n\n"),
        ["default_section_inherited"] = T("[DEFAULT]\ndir = /opt/v\n[s]\na = %(dir)s/bin/tool\n[t]\ndir = /override\nb = %(dir)s/x\n"),
        ["percent_escape"] = T("[s]\na = 100%%\nb = %%(not)s\n"),
        ["lone_percent_is_an_error"] = T("[s]\na = 100%\nb = ok\n"),
        ["percent_followed_by_other"] = T("[s]\na = %d\n"),
        ["missing_interpolation_key"] = T("[s]\na = %(nope)s\n"),
        ["bad_interpolation_reference"] = T("[s]\na = %(x\nx = 1\n"),
        ["interpolation_key_is_case_insensitive"] = T("[s]\nBase = /b\na = %(BASE)s/c\n"),
        ["nested_interpolation"] = T("[s]\na = %(b)s1\nb = %(c)s2\nc = x%%\n"),
        ["interpolation_too_deep"] = T("[s]\na = %(a)s\n"),
        ["duplicate_section"] = T("[s]\na = 1\n[s]\nb = 2\n"),
        ["duplicate_option"] = T("[s]\na = 1\nA = 2\n"),
        ["default_twice_is_fine"] = T("[DEFAULT]\na = 1\n[DEFAULT]\nb = 2\n[s]\n"),
        ["missing_section_header"] = T("a = 1\n[s]\n"),
        ["line_without_delimiter"] = T("[s]\na = 1\njust words\nb = 2\n"),
        ["empty_option_name"] = T("[s]\n= value\n"),
        ["section_header_with_trailing_text"] = T("[s] trailing\na = 1\n[t]x]y\nb = 2\n"),
        ["empty_brackets"] = T("[s]\n[]\n"),
        ["byte_order_mark"] = [0xEF, 0xBB, 0xBF, .. T("[s]\na = 1\n")],
        ["crlf_line_ends"] = T("[s]\r\na = 1\r\n  more\r\nb = 2\r\n"),
        ["cr_only_line_ends"] = T("[s]\ra = 1\rb = 2\r"),
        ["unicode_whitespace_is_stripped"] = T("[s]\n\u00a0a\u00a0=\u00a0b\u2003\n\u001cc = d\u001f\n"),
        ["form_feed_stays_inside_a_line"] = T("[s]\na = x\fy\n"),
        ["invalid_utf8"] = [.. T("[s]\na = "), 0xFF, 0xFE, (byte)'\n'],
        ["no_final_newline"] = T("[s]\na = 1"),
        ["value_with_equals_and_quotes"] = T("[s]\na = /bin/sh -c 'x=1; echo \"$x\"'\n"),
        ["indented_option_after_section_is_not_continuation"] = T("[s]\n  a = 1\n  b = 2\n"),
        ["deeper_line_after_section_header"] = T("[s]\n    a = 1\n[t]\n  x\n"),
        ["empty_file"] = [],
        ["only_comments"] = T("# nothing\n; here\n"),
    };

    private static readonly Lazy<Dictionary<string, JsonNode>> PythonAnswers = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-ini-");
        try
        {
            var names = Cases.Keys.ToList();
            var paths = names.Select(name =>
            {
                var path = Path.Combine(dir.FullName, name + ".ini");
                File.WriteAllBytes(path, Cases[name]);
                return path;
            }).ToList();
            var answers = IniDump.FromPython(paths);
            return names.Zip(answers).ToDictionary(p => p.First, p => p.Second);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    });

    public static JsonNode Python(string name) => PythonAnswers.Value[name];

    public static IEnumerable<string> Names => Cases.Keys;

    private static byte[] T(string text) => Encoding.UTF8.GetBytes(text);
}
