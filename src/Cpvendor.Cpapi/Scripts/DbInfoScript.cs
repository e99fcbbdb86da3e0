using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, db_info. The credential lives in a root-only file (section 6): an
/// administrator who is not root is told so instead of being given the password.
/// </summary>
internal sealed class DbInfoScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.DbInfo;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        DbCredential? credential;
        try
        {
            credential = context.Caller.Role == CallerRole.Root || File.Exists(context.Config.DbSecret)
                ? DbCredential.Read(context.Config.DbSecret)
                : null;
        }
        catch (UnauthorizedAccessException)
        {
            return Problem.PermissionDenied("db_info holds the database password, which only root may read");
        }

        MysqlInfo? mysql = credential is null
            ? null
            : new MysqlInfo(
                new DbAccess(credential.Login, credential.Password, credential.Host, credential.Port),
                context.Store.DbMapping());
        JsonSerializer.Serialize(data, new DbInfo(mysql), CpapiJsonContext.Default.DbInfo);
        return null;
    }
}
