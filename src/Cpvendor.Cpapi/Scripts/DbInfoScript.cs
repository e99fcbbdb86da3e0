using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, db_info. The credential is root's alone (section 6), and that is
/// decided by the caller's role, never by what this process can open: in privileged mode the process
/// is root for every caller, so an administrator would otherwise be handed the password. Root reads
/// it; an administrator is told it is root's, whether or not a credential is set.
/// </summary>
internal sealed class DbInfoScript : IScript
{
    private static readonly Problem RootOnly = Problem.PermissionDenied("db_info holds the database password, which only root may read");

    public ScriptGrammar Grammar => Contract.Grammar.DbInfo;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        if (context.Caller.Role != CallerRole.Root)
            return RootOnly;
        DbCredential? credential;
        try
        {
            credential = DbCredential.Read(context.Config.DbSecret);
        }
        catch (UnauthorizedAccessException)
        {
            return RootOnly;
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
