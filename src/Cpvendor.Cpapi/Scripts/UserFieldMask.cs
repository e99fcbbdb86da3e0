using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>Writes a user object with every field, or only those <c>--fields</c> asked for, in wire order.</summary>
internal static class UserFieldMask
{
    public const int All = Prerendered.FieldMask.All;

    public static int From(IReadOnlyList<string>? fields) => Prerendered.FieldMask.From(fields);

    public const int Domain = 8;

    /// <summary>Writes the current row of <see cref="PanelReader.UserRows"/> straight from SQLite's UTF-8.</summary>
    public static void Write(Utf8JsonWriter writer, RowCursor row, int mask)
    {
        writer.WriteStartObject();
        if ((mask & 1) != 0)
            writer.WriteNumber("id"u8, row.Number(0));
        if ((mask & 2) != 0)
            writer.WriteString("username"u8, row.Utf8(1));
        if ((mask & 4) != 0)
            writer.WriteString("owner"u8, row.Utf8(2));
        if ((mask & Domain) != 0)
            WriteNullable(writer, "domain"u8, row, 3);
        if ((mask & 16) != 0)
        {
            if (row.IsNull(4) || row.IsNull(5))
            {
                writer.WriteNull("package"u8);
            }
            else
            {
                writer.WriteStartObject("package"u8);
                writer.WriteString("name"u8, row.Utf8(4));
                writer.WriteString("owner"u8, row.Utf8(5));
                writer.WriteEndObject();
            }
        }

        if ((mask & 32) != 0)
            WriteNullable(writer, "email"u8, row, 6);
        if ((mask & 64) != 0)
            WriteNullable(writer, "locale_code"u8, row, 7);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, RowCursor row, int column)
    {
        if (row.IsNull(column))
            writer.WriteNull(name);
        else
            writer.WriteString(name, row.Utf8(column));
    }
}
