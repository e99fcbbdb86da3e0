using System.Text.Json;
using Cpvendor.Contract;

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
}
