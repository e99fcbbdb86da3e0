using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>docs/contract.md section 3, packages [--owner|-o NAME].</summary>
internal sealed class PackagesScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Packages;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        var owner = arguments.Text("owner");
        if (owner is not null && !context.Store.OwnerExists(owner))
            return Problem.NotFound($"No such owner `{owner}`");
        data.WriteStartArray();
        foreach (var package in context.Store.Packages(owner))
            JsonSerializer.Serialize(data, package, CpapiJsonContext.Default.PackageInfo);
        data.WriteEndArray();
        return null;
    }
}
