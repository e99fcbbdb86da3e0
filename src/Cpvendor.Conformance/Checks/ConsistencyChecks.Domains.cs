using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>Consistency of domains with users and the php script.</summary>
internal static partial class ConsistencyChecks
{
    private static Findings MainDomains(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Users, b.Domains) is { } why)
            return Findings.Skipped(why);
        var mains = b.Domains.Entries
            .Where(d => Json.Bool(d.Value, "is_main") == true)
            .GroupBy(d => Json.Str(d.Value, "owner") ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Name).ToList(), StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var user in b.Users.Items)
        {
            var name = Json.Str(user, "username");
            if (name is null)
                continue;
            var domain = Json.Str(user, "domain");
            var own = mains.GetValueOrDefault(name) ?? [];
            if (own.Count != 1)
                findings.Fail($"{name} owns {own.Count} main domains ({string.Join(", ", own)}); exactly one is due", b.Domains.Call);
            else if (own[0] != domain)
                findings.Fail($"{name}'s main domain is {own[0]} but users gives domain {domain ?? "null"}", b.Users.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("users lists nobody");
        return findings;
    }

    private static Findings DomainOwners(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Users, b.Domains) is { } why)
            return Findings.Skipped(why);
        var users = b.Usernames.ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var domain in b.Domains.Entries)
        {
            var owner = Json.Str(domain.Value, "owner");
            if (owner is not null && !users.Contains(owner))
                findings.Fail($"{domain.Name} is owned by \"{owner}\", whom users does not list", b.Domains.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("domains lists nothing");
        return findings;
    }

    private static Findings PhpIds(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.DomainsWithPhp, b.Php) is { } why)
            return Findings.Skipped(why);
        var ids = b.Php.Items.Select(p => Json.Str(p, "identifier")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var domain in b.DomainsWithPhp.Entries)
        {
            if (Json.Member(domain.Value, "php") is not { ValueKind: JsonValueKind.Object } php || Json.Str(php, "php_version_id") is not { } id)
                continue;
            if (!ids.Contains(id))
                findings.Fail($"{domain.Name}: php_version_id \"{id}\" is not among the php identifiers ({string.Join(", ", ids)})", b.DomainsWithPhp.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("domains --with-php gives no php_version_id");
        return findings;
    }
}
