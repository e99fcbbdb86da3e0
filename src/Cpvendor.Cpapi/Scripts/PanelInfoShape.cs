using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// Checks the published panel_info file before it is passed on as it is (docs/contract.md section 3):
/// one object with exactly <c>name</c>, <c>version</c>, <c>user_login_url</c> and
/// <c>supported_cl_features</c>, in that order, the features an object of booleans with known names.
/// Any other JSON is damage, not an answer: in particular an object without
/// <c>supported_cl_features</c> would tell CloudLinux that every feature is supported.
/// </summary>
internal static class PanelInfoShape
{
    public static bool IsValid(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            if (!Member(ref reader, "name"u8) || reader.TokenType != JsonTokenType.String)
                return false;
            if (!Member(ref reader, "version"u8) || reader.TokenType != JsonTokenType.String)
                return false;
            if (!Member(ref reader, "user_login_url"u8) || reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                return false;
            if (!Member(ref reader, "supported_cl_features"u8) || reader.TokenType != JsonTokenType.StartObject)
                return false;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var feature = reader.GetString()!;
                if (!Grammar.ClFeatures.Contains(feature) || !seen.Add(feature))
                    return false;
                if (!reader.Read() || reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
                    return false;
            }

            if (reader.TokenType != JsonTokenType.EndObject)
                return false;
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return false;

            // Anything but whitespace after the object makes the reader throw.
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads the next property name, checks it, and moves onto its value.</summary>
    private static bool Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name) && reader.Read();
}
