namespace Cpvendor.Doctor.Ini;

/// <summary>
/// An ini file as Python's <c>configparser.ConfigParser()</c> sees it after <c>read()</c>: what
/// CloudLinux's tools see in integration.ini. The doctor uses only this view; <see cref="IniAdapter"/>
/// is the one place that decides which parser provides it.
/// </summary>
internal interface IIniView
{
    IReadOnlyList<string> Sections { get; }

    bool HasSection(string section);

    /// <summary>Option names of a section (lower-cased, DEFAULT's included).</summary>
    IReadOnlyList<string> Options(string section);

    /// <summary><c>parser.get(section, option)</c>: the interpolated value or the error Python would raise.</summary>
    (string? Value, string? Error) Get(string section, string option);
}

/// <summary>
/// The single adapter between the doctor and the configparser-compatible reader the checker uses
/// (<see cref="Conformance.Ini.ConfigParserReader"/>, tested against python3's configparser).
/// </summary>
internal static class IniAdapter
{
    public static (IIniView? View, string? Error) Read(string text)
    {
        var (document, error) = Conformance.Ini.ConfigParserReader.Read(text);
        return document is null ? (null, error?.ToString() ?? "unreadable") : (new DocumentView(document), null);
    }

    private sealed class DocumentView(Conformance.Ini.IniDocument document) : IIniView
    {
        public IReadOnlyList<string> Sections => document.Sections;

        public bool HasSection(string section) => document.HasSection(section);

        public IReadOnlyList<string> Options(string section) => document.Options(section);

        public (string? Value, string? Error) Get(string section, string option)
        {
            var (value, error) = document.Get(section, option);
            return (value, error?.ToString());
        }
    }
}
