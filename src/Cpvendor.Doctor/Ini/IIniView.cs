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

/// <summary>The single adapter between the doctor and a configparser-compatible reader.</summary>
internal static class IniAdapter
{
    public static (IIniView? View, string? Error) Read(string text) => ConfigParserLite.Read(text);
}
