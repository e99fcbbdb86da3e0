using System.Data.Common;
using System.Globalization;

namespace Cpvendor.Sources.Reading;

/// <summary>
/// Reads one cell whatever type the panel's view gives it (MySQL TINYINT or BIT for booleans,
/// PostgreSQL boolean, numeric ids as text...): a view is free to use its database's natural types.
/// </summary>
internal static class Cell
{
    public static string? Text(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        var value = reader.GetValue(ordinal);
        return value switch
        {
            string s => s,
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    /// <summary>A whole number, or null when the cell is null; throws FormatException when it is not one.</summary>
    public static long? Number(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        return reader.GetValue(ordinal) switch
        {
            long l => l,
            int i => i,
            short s => s,
            sbyte sb => sb,
            byte b => b,
            uint ui => ui,
            ushort us => us,
            ulong ul when ul <= long.MaxValue => (long)ul,
            decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
            bool flag => flag ? 1 : 0,
            string s when long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw new FormatException($"'{other}' is not a whole number"),
        };
    }

    public static bool? Flag(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
            return null;
        return reader.GetValue(ordinal) switch
        {
            bool b => b,
            string s => s.Trim().ToUpperInvariant() switch
            {
                "1" or "T" or "TRUE" or "Y" or "YES" => true,
                "0" or "F" or "FALSE" or "N" or "NO" => false,
                _ => throw new FormatException($"'{s}' is not a boolean"),
            },
            ulong bits => bits != 0,
            _ => Number(reader, ordinal)!.Value switch
            {
                0 => false,
                1 => true,
                var n => throw new FormatException($"{n} is not a boolean (0 or 1)"),
            },
        };
    }
}
