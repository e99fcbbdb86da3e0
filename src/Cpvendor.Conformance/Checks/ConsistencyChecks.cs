using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>docs/contract.md section 3: what the scripts say must agree with each other.</summary>
internal static partial class ConsistencyChecks
{
    public static IEnumerable<CheckDefinition> All =>
    [
        new("Owners_are_admins_or_resellers", "§3 users, packages", "every owner of a user or package is listed by admins or resellers", Owners),
        new("Admin_unix_users_are_users", "§3 users, admins", "every administrator's unix_user is listed by users", AdminAccounts),
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

    internal static string? Unusable(params BaselineAnswer[] answers) => answers.Select(a => a.Unusable).FirstOrDefault(u => u is not null);
}
