using System.Globalization;
using Cpvendor.Core;

namespace Cpvendor.Doctor.Checks;

/// <summary>Formatting shared by the checks.</summary>
internal static class Format
{
    public static string ModeText(UnixFileMode mode) => FileModes.Octal(mode);

    public static string Id(uint id) => id.ToString(CultureInfo.InvariantCulture);
}
