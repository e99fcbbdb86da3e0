using System.Globalization;

namespace Cpvendor.Doctor.Checks;

/// <summary>Formatting shared by the checks.</summary>
internal static class Format
{
    public static string ModeText(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0xfff, 8).PadLeft(3, '0');

    public static string Id(uint id) => id.ToString(CultureInfo.InvariantCulture);
}
