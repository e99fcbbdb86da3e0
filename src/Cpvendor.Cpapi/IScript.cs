using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Cpapi;

/// <summary>One cpapi script: writes its <c>data</c> value, or returns the problem that replaces it.</summary>
internal interface IScript
{
    ScriptGrammar Grammar { get; }

    Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data);
}
