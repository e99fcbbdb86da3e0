using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, users: one of <c>--owner</c>, <c>--package-name</c> with
/// <c>--package-owner</c>, <c>--username</c>, <c>--unix-id</c>, and <c>--fields</c> to project.
/// A filter naming something that does not exist is NotFound; an existing owner or package with
/// no accounts is an empty list.
/// </summary>
internal sealed class UsersScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Users;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        var store = context.Store;
        var owner = arguments.Text("owner");
        var packageName = arguments.Text("package-name");
        var packageOwner = arguments.Text("package-owner");
        var username = arguments.Text("username");
        var uid = arguments.Number("unix-id");

        if (owner is not null && !store.OwnerExists(owner))
            return Problem.NotFound($"No such owner `{owner}`");
        if (packageName is not null && !store.PackageExists(packageName, packageOwner!))
            return Problem.NotFound($"No such package `{packageName}` of `{packageOwner}`");

        var filter = new UserFilter(owner, packageName is null ? null : new PackageRef(packageName, packageOwner!), username, uid);
        var fields = UserFieldMask.From(arguments.Fields("fields"));
        var count = 0;
        data.WriteStartArray();
        using (var rows = store.UserRows(filter, withDomain: (fields & UserFieldMask.Domain) != 0))
        {
            while (rows.Read())
            {
                UserFieldMask.Write(data, rows, fields);
                count++;
            }
        }

        if (count == 0 && username is not null)
            return Problem.NotFound($"No such user `{username}`");
        if (count == 0 && uid is not null)
            return Problem.NotFound($"No user with UNIX id `{uid}`");
        data.WriteEndArray();
        return null;
    }
}
