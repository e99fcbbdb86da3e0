namespace Cpvendor.Conformance.Ini;

/// <summary>
/// A file as Python's <c>configparser.ConfigParser()</c> holds it after reading: sections in file
/// order (names case-sensitive), option names lower-cased, raw values with continuation lines
/// joined, and the <c>DEFAULT</c> section whose options every section inherits. Values are
/// interpolated on <see cref="Get"/>, as <c>parser.get(section, option)</c> does.
/// </summary>
public sealed class IniDocument
{
    public const string DefaultSection = "DEFAULT";

    private readonly List<string> sectionOrder;
    private readonly Dictionary<string, OrderedOptions> sections;

    internal IniDocument(List<string> sectionOrder, Dictionary<string, OrderedOptions> sections, OrderedOptions defaults)
    {
        this.sectionOrder = sectionOrder;
        this.sections = sections;
        Defaults = defaults;
    }

    internal OrderedOptions Defaults { get; }

    /// <summary>Section names in file order, without DEFAULT (as <c>parser.sections()</c>).</summary>
    public IReadOnlyList<string> Sections => sectionOrder;

    public bool HasSection(string section) => sections.ContainsKey(section);

    /// <summary>Option names of a section, inherited DEFAULT ones included (as <c>parser.options()</c>).</summary>
    public IReadOnlyList<string> Options(string section)
    {
        var names = new List<string>(sections.TryGetValue(section, out var own) ? own.Keys : []);
        foreach (var key in Defaults.Keys)
        {
            if (!names.Contains(key))
                names.Add(key);
        }

        return names;
    }

    /// <summary>The names DEFAULT defines, in file order.</summary>
    public IReadOnlyList<string> DefaultOptions => Defaults.Keys;

    /// <summary>The raw (uninterpolated) value, or null when the option is absent.</summary>
    public string? Raw(string section, string option)
    {
        var key = OptionName(option);
        if (sections.TryGetValue(section, out var own) && own.TryGet(key, out var value))
            return value;
        return Defaults.TryGet(key, out var inherited) ? inherited : null;
    }

    /// <summary>
    /// <c>parser.get(section, option)</c>: the interpolated value, or the error Python would raise
    /// (<c>NoSectionError</c>, <c>NoOptionError</c>, an interpolation error).
    /// </summary>
    public (string? Value, IniError? Error) Get(string section, string option)
    {
        if (section != DefaultSection && !sections.ContainsKey(section))
            return (null, new IniError("NoSectionError", $"No section: {PyText.Repr(section)}"));
        var key = OptionName(option);
        var raw = Raw(section, key);
        if (raw is null)
            return (null, new IniError("NoOptionError", $"No option {PyText.Repr(key)} in section: {PyText.Repr(section)}"));
        return BasicInterpolation.Interpolate(key, section, raw, name => Raw(section, name));
    }

    /// <summary>configparser's default <c>optionxform</c>: option names are case-insensitive.</summary>
    public static string OptionName(string option) => option.ToLowerInvariant();
}
