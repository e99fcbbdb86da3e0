using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, admins [--name|-n NAME | --is-main|-m true|false]. <c>--is-main</c> is a
/// condition, not a name, so an empty answer to it is an empty list rather than NotFound.
/// </summary>
internal sealed class AdminsScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Admins;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        var name = arguments.Text("name");
        var admins = context.Store.Admins(name, arguments.Boolean("is-main")).ToList();
        if (admins.Count == 0 && name is not null)
            return Problem.NotFound($"No such admin `{name}`");
        data.WriteStartArray();
        foreach (var admin in admins)
            JsonSerializer.Serialize(data, admin, CpapiJsonContext.Default.AdminInfo);
        data.WriteEndArray();
        return null;
    }
}
