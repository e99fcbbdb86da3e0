using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>Writes one <c>"name": {owner, document_root, is_main[, php]}</c> member.</summary>
internal static class DomainJson
{
    public static void Write(Utf8JsonWriter writer, string name, DomainInfoWithPhp info, bool withPhp)
    {
        writer.WritePropertyName(name);
        if (withPhp)
            JsonSerializer.Serialize(writer, info, CpapiJsonContext.Default.DomainInfoWithPhp);
        else
            JsonSerializer.Serialize(writer, new DomainInfo(info.Owner, info.DocumentRoot, info.IsMain), CpapiJsonContext.Default.DomainInfo);
    }

    /// <summary>The same member, without PHP, from the current row of <see cref="PanelReader.DomainRows"/>.</summary>
    public static void Write(Utf8JsonWriter writer, RowCursor row)
    {
        writer.WritePropertyName(row.Utf8(0));
        writer.WriteStartObject();
        writer.WriteString("owner"u8, row.Utf8(1));
        writer.WriteString("document_root"u8, row.Utf8(2));
        writer.WriteBoolean("is_main"u8, row.Number(3) != 0);
        writer.WriteEndObject();
    }
}
