using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Sources;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary>
/// The server a source serves: <c>--server NAME</c> for the views, <c>--server-id N</c> for
/// ISPConfig (its server table's id, kept as the settings' server name).
/// </summary>
internal static class IspConfigServer
{
    public static string? Choose(SourceKind kind, string? server, long? serverId)
    {
        if (kind != SourceKind.IspConfig)
        {
            return serverId is null
                ? server is { Length: > 0 } s ? s : null
                : throw CpvendorException.Invalid("--server-id is for the ispconfig source; the views take --server NAME");
        }

        if (server is { Length: > 0 })
            throw CpvendorException.Invalid("the ispconfig source takes --server-id N (the server_id of ISPConfig's server table), not --server");
        return serverId switch
        {
            null => null,
            > 0 and var id => id.ToString(CultureInfo.InvariantCulture),
            _ => throw CpvendorException.Invalid("--server-id must be a positive ISPConfig server_id"),
        };
    }
}
