using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>docs/contract.md section 3, resellers [--id N | --name|-n NAME].</summary>
internal sealed class ResellersScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Resellers;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        var id = arguments.Number("id");
        var name = arguments.Text("name");
        var resellers = context.Store.Resellers(id, name).ToList();
        if (resellers.Count == 0 && (id is not null || name is not null))
            return Problem.NotFound(id is not null ? $"No reseller with id `{id}`" : $"No such reseller `{name}`");
        data.WriteStartArray();
        foreach (var reseller in resellers)
            JsonSerializer.Serialize(data, reseller, CpapiJsonContext.Default.ResellerInfo);
        data.WriteEndArray();
        return null;
    }
}
