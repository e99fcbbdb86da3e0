using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>Writes a user object with every field, or only those <c>--fields</c> asked for, in wire order.</summary>
internal static class UserFieldMask
{
    public const int All = 0b111_1111;

    public static int From(IReadOnlyList<string>? fields)
    {
        if (fields is null)
            return All;
        var mask = 0;
        foreach (var field in fields)
        {
            for (var i = 0; i < Contract.Grammar.UserFields.Count; i++)
            {
                if (Contract.Grammar.UserFields[i] == field)
                    mask |= 1 << i;
            }
        }

        return mask;
    }

    public static void Write(Utf8JsonWriter writer, UserInfo user, int mask)
    {
        writer.WriteStartObject();
        if ((mask & 1) != 0)
            writer.WriteNumber("id"u8, user.Id);
        if ((mask & 2) != 0)
            writer.WriteString("username"u8, user.Username);
        if ((mask & 4) != 0)
            writer.WriteString("owner"u8, user.Owner);
        if ((mask & 8) != 0)
            WriteNullable(writer, "domain"u8, user.Domain);
        if ((mask & 16) != 0)
        {
            if (user.Package is { } package)
            {
                writer.WriteStartObject("package"u8);
                writer.WriteString("name"u8, package.Name);
                writer.WriteString("owner"u8, package.Owner);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("package"u8);
            }
        }

        if ((mask & 32) != 0)
            WriteNullable(writer, "email"u8, user.Email);
        if ((mask & 64) != 0)
            WriteNullable(writer, "locale_code"u8, user.LocaleCode);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
