using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, panel_info. Served to every caller from the published public file, which
/// holds no secret and nothing about any account, so it works inside CageFS without privileges.
/// </summary>
internal sealed class PanelInfoScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.PanelInfo;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(context.Config.PanelInfoFile);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CpvendorException.DataUnavailable($"{context.Config.PanelInfoFile} is missing: run 'cpvendor publish'");
        }

        if (!PanelInfoShape.IsValid(bytes))
            throw CpvendorException.DataUnavailable($"{context.Config.PanelInfoFile} is not a panel_info answer: run 'cpvendor publish'");

        // Checked above, byte by byte: written as it is.
        data.WriteRawValue(bytes, skipInputValidation: true);
        return null;
    }
}
