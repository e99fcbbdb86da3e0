using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>docs/contract.md section 3, php (API 1.4): the PHP versions the panel offers.</summary>
internal sealed class PhpScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Php;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        data.WriteStartArray();
        foreach (var php in context.Store.Php())
            JsonSerializer.Serialize(data, php, CpapiJsonContext.Default.PhpInfo);
        data.WriteEndArray();
        return null;
    }
}
