namespace Cpvendor.Conformance.Ini;

/// <summary>
/// Why Python's configparser would refuse a file or a value. <see cref="Kind"/> is the name of the
/// exception Python raises (<c>ParsingError</c>, <c>DuplicateOptionError</c>, ...), so a vendor can
/// reproduce it; <see cref="Line"/> is 1-based, 0 when not tied to a line.
/// </summary>
public sealed record IniError(string Kind, string Message, int Line = 0)
{
    public override string ToString() => Line > 0 ? $"{Kind} at line {Line}: {Message}" : $"{Kind}: {Message}";
}
