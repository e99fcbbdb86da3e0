using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Cpapi.Publishing;

namespace Cpvendor.Cpapi.Scripts;

/// <summary>
/// docs/contract.md section 3, domains [--owner|-o USER | --name|-n DOMAIN] [--with-php].
/// Administrators are answered from the store. An end user is answered from their own published
/// file, which only they can read; asking for anything outside it is PermissionDenied whether or not
/// it exists, so the answer never reveals a foreign user or domain (section 6).
/// </summary>
internal sealed class DomainsScript : IScript
{
    public ScriptGrammar Grammar => Contract.Grammar.Domains;

    public Problem? Write(ScriptContext context, ParsedArguments arguments, Utf8JsonWriter data)
    {
        var owner = arguments.Text("owner");
        var name = arguments.Text("name");
        var withPhp = arguments.Has("with-php");
        return context.Caller.SeesEverything
            ? WriteForAdmin(context, owner, name, withPhp, data)
            : WriteOwn(UserAnswers.Read(context.Config, context.Caller.Uid), owner, name, withPhp, data);
    }

    private static Problem? WriteForAdmin(ScriptContext context, string? owner, string? name, bool withPhp, Utf8JsonWriter data)
    {
        if (owner is not null && !context.Store.UserExists(owner))
            return Problem.NotFound($"No such user `{owner}`");
        var count = 0;
        data.WriteStartObject();
        if (withPhp)
        {
            foreach (var (domain, info) in context.Store.Domains(owner, name))
            {
                DomainJson.Write(data, domain, info, withPhp);
                count++;
            }
        }
        else
        {
            // Straight from SQLite's UTF-8, as users does: listing every domain is a frequent call.
            using var rows = context.Store.DomainRows(owner, name);
            while (rows.Read())
            {
                DomainJson.Write(data, rows);
                count++;
            }
        }

        if (count == 0 && name is not null)
            return Problem.NotFound($"No such domain `{name}`");
        data.WriteEndObject();
        return null;
    }

    /// <summary>An end user's answer over the content of their own file (also what the publisher pre-renders).</summary>
    internal static Problem? WriteOwn(UserAnswers own, string? owner, string? name, bool withPhp, Utf8JsonWriter data)
    {
        if (owner is not null && !own.Usernames.Contains(owner))
            return Problem.PermissionDenied($"You may list only your own domains, not those of `{owner}`");
        if (name is not null && !own.Domains.ContainsKey(name))
            return Problem.PermissionDenied($"Domain `{name}` is not one of yours");

        data.WriteStartObject();
        foreach (var (domain, info) in own.Domains)
        {
            if ((name is null || domain == name) && (owner is null || info.Owner == owner))
                DomainJson.Write(data, domain, info, withPhp);
        }

        data.WriteEndObject();
        return null;
    }
}
