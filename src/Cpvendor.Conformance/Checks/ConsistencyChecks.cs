using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>CONTRACT.md section 3: what the scripts say must agree with each other.</summary>
internal static class ConsistencyChecks
{
    public static IEnumerable<CheckDefinition> All =>
    [
        new("Owners_are_admins_or_resellers", "§3 users, packages", "every owner of a user or package is listed by admins or resellers", Owners),
        new("User_packages_exist", "§3 users", "every package a user names is listed by packages", UserPackages),
        new("Each_user_has_one_main_domain_equal_to_users_domain", "§3 domains", "each user owns exactly one main domain and users reports it as the domain", MainDomains),
        new("Domain_owners_are_users", "§3 domains", "every domain owner is listed by users", DomainOwners),
        new("Exactly_one_admin_is_main", "§3 admins", "admins has exactly one is_main: true", OneMainAdmin),
        new("Reseller_ids_lie_above_max_uid", "§3 resellers", "reseller ids lie in MAX_UID..0xFFFFFFFF (or are null)", ResellerIds),
        new("Reseller_and_admin_names_are_disjoint", "§3 resellers", "no reseller has an admin's name", Disjoint),
        new("Names_are_unique", "§3 The scripts", "usernames, reseller names, admin names and (package, owner) pairs are unique", Unique),
        new("Domain_php_version_ids_are_php_identifiers", "§3 domains", "php.php_version_id of every domain is an identifier the php script lists", PhpIds),
        new("Db_info_mapping_keys_are_users", "§3 db_info", "every key of db_info's mapping is a username", MappingKeys),
    ];

    private static Findings Owners(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Admins, b.Resellers, b.Users, b.Packages) is { } why)
            return Findings.Skipped(why);
        var owners = b.Owners.ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var (answer, label) in new[] { (b.Users, "user"), (b.Packages, "package") })
        {
            foreach (var item in answer.Items)
            {
                var owner = Json.Str(item, "owner");
                if (owner is not null && !owners.Contains(owner))
                    findings.Fail($"{label} {Json.Str(item, label == "user" ? "username" : "name")} is owned by \"{owner}\", who is neither an admin nor a reseller", answer.Call);
                else
                    findings.Pass();
            }
        }

        findings.NothingToJudge("no users or packages");
        return findings;
    }

    private static Findings UserPackages(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Users, b.Packages) is { } why)
            return Findings.Skipped(why);
        var packages = b.Packages.Items.Select(p => (Json.Str(p, "name"), Json.Str(p, "owner"))).ToHashSet();
        var findings = new Findings();
        foreach (var user in b.Users.Items)
        {
            if (Json.Member(user, "package") is not { ValueKind: JsonValueKind.Object } package)
                continue;
            var key = (Json.Str(package, "name"), Json.Str(package, "owner"));
            if (!packages.Contains(key))
                findings.Fail($"user {Json.Str(user, "username")} has package ({key.Item1}, {key.Item2}), which packages does not list", b.Users.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no user has a package");
        return findings;
    }

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

    private static Findings OneMainAdmin(CheckContext context)
    {
        var admins = context.Baseline.Admins;
        if (admins.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var main = admins.Items.Where(a => Json.Bool(a, "is_main") == true).Select(a => Json.Str(a, "name")).ToList();
        if (main.Count != 1)
            findings.Fail($"{main.Count} admins have is_main: true ({string.Join(", ", main)}); exactly one is due", admins.Call);
        else
            findings.Pass(admins.Call, $"the main admin is {main[0]}");
        return findings;
    }

    private static Findings ResellerIds(CheckContext context)
    {
        var resellers = context.Baseline.Resellers;
        if (resellers.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var reseller in resellers.Items)
        {
            if (Json.Member(reseller, "id") is not { ValueKind: JsonValueKind.Number } id)
                continue;
            var ok = id.TryGetInt64(out var value) && value >= context.MaxUid && value <= uint.MaxValue;
            if (!ok)
                findings.Fail($"reseller {Json.Str(reseller, "name")} has id {id.GetRawText()}, outside {context.MaxUid}..4294967295 (UID_MAX of /etc/login.defs is {context.MaxUid}): it would share an LVE id with a UNIX user", resellers.Call);
            else
                findings.Pass();
        }

        findings.PassMessage = $"every reseller id lies in {context.MaxUid}..4294967295";
        findings.NothingToJudge("no reseller has an id");
        return findings;
    }

    private static Findings Disjoint(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Admins, b.Resellers) is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var admins = b.AdminNames.ToHashSet(StringComparer.Ordinal);
        foreach (var reseller in b.ResellerNames)
        {
            if (admins.Contains(reseller))
                findings.Fail($"\"{reseller}\" is both an admin and a reseller", b.Resellers.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no resellers");
        return findings;
    }

    private static Findings Unique(CheckContext context)
    {
        var b = context.Baseline;
        var findings = new Findings();
        void Check(BaselineAnswer answer, string what, IEnumerable<string?> names)
        {
            if (answer.Unusable is not null)
                return;
            foreach (var duplicate in names.OfType<string>().GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                findings.Fail($"{what} \"{duplicate.Key}\" appears {duplicate.Count()} times", answer.Call);
            findings.Pass();
        }

        Check(b.Users, "username", b.Users.Items.Select(u => Json.Str(u, "username")));
        Check(b.Resellers, "reseller", b.ResellerNames);
        Check(b.Admins, "admin", b.AdminNames);
        Check(b.Packages, "package", b.Packages.Items.Select(p => $"{Json.Str(p, "name")}\" of \"{Json.Str(p, "owner")}"));
        findings.NothingToJudge("no usable list");
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

    private static Findings MappingKeys(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.DbInfo, b.Users) is { } why)
            return Findings.Skipped(why);
        if (Json.Member(b.DbInfo.Data, "mysql") is not { ValueKind: JsonValueKind.Object } mysql)
            return Findings.Skipped("db_info says there is no MySQL (mysql: null)");
        var users = b.Usernames.ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var entry in Json.Entries(Json.Member(mysql, "mapping") ?? default))
        {
            if (!users.Contains(entry.Name))
                findings.Fail($"mapping key \"{entry.Name}\" is not a username", b.DbInfo.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("the mapping is empty");
        return findings;
    }

    internal static string? Unusable(params BaselineAnswer[] answers) => answers.Select(a => a.Unusable).FirstOrDefault(u => u is not null);
}
