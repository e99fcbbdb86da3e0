using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Validation;

/// <summary>
/// The rules the embedded store enforces, checked on a whole snapshot before anything is written:
/// unique names and stable ids, owners that exist, one main admin, at most one main domain per
/// account, reseller ids in MAX_UID..0xFFFFFFFF, db users of at most 64 characters, absolute paths.
/// docs/contract.md section 3 (the scripts' invariants) and section 7 (the governor map's limits).
/// </summary>
internal static partial class SnapshotValidator
{
    private static readonly HashSet<string> Handlers = new(StringComparer.Ordinal) { "fpm", "cgi", "lsapi" };

    public static void Validate(PanelSnapshot s, long maxUid, bool allowDuplicateUids, SourceProblems problems)
    {
        var admins = Unique(s.Admins.Select(a => a.Name), "cpvendor_admins", "name", problems);
        var mains = s.Admins.Count(a => a.IsMain);
        if (mains != 1)
            problems.Add("cpvendor_admins", "(all)", $"{mains} rows have is_main set; exactly one admin must be the main one");

        var resellers = Unique(s.Resellers.Select(r => r.Name), "cpvendor_resellers", "name", problems);
        Unique(s.Resellers.Where(r => r.ResellerId is not null).Select(r => r.ResellerId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "cpvendor_resellers", "reseller_id", problems);
        foreach (var r in s.Resellers)
        {
            if (admins.Contains(r.Name))
                problems.Add("cpvendor_resellers", r.Name, "has the name of an admin");
            if (r.ResellerId is { } id && (id < maxUid || id > uint.MaxValue))
                problems.Add("cpvendor_resellers", r.Name, $"reseller_id {id} is outside {maxUid}..{uint.MaxValue}");
        }

        bool IsOwner(string name) => admins.Contains(name) || resellers.Contains(name);
        Unique(s.Packages.Select(p => p.Owner + "\u0000" + p.Name), "cpvendor_packages", "(owner, name)", problems);
        foreach (var p in s.Packages.Where(p => !IsOwner(p.Owner)))
            problems.Add("cpvendor_packages", $"{p.Name} of {p.Owner}", $"owner '{p.Owner}' is neither an admin nor a reseller");
        var packages = s.Packages.Select(p => (p.Owner, p.Name)).ToHashSet();

        var php = Unique(s.Php.Select(p => p.Identifier), "cpvendor_php", "identifier", problems);
        ValidateUsers(s.Users, IsOwner, packages, allowDuplicateUids, problems);
        var users = s.Users.Select(u => u.Row.Username).ToHashSet(StringComparer.Ordinal);
        ValidateDomains(s.Domains, users, php, problems);

        Unique(s.DbUsers.Select(d => d.DbUser), "cpvendor_db_users", "db_user", problems);
        foreach (var d in s.DbUsers)
        {
            if (!users.Contains(d.Owner))
                problems.Add("cpvendor_db_users", d.DbUser, $"owner '{d.Owner}' is not an account");
        }
    }

    private static void ValidateUsers(IReadOnlyList<SourceUser> rows, Func<string, bool> isOwner, HashSet<(string, string)> packages, bool allowDuplicateUids, SourceProblems problems)
    {
        Unique(rows.Select(u => u.Row.Username), "cpvendor_users", "username", problems);
        Unique(rows.Select(u => u.AccountId), "cpvendor_users", "account_id", problems);
        if (!allowDuplicateUids)
            Unique(rows.Select(u => u.Row.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)), "cpvendor_users", "uid", problems);
        foreach (var (id, u) in rows)
        {
            var row = $"{u.Username} (account_id {id})";
            if (!isOwner(u.Owner))
                problems.Add("cpvendor_users", row, $"owner '{u.Owner}' is neither an admin nor a reseller");
            if ((u.PackageName is null) != (u.PackageOwner is null))
                problems.Add("cpvendor_users", row, "package_name and package_owner must both be set or both be null");
            else if (u.PackageName is not null && !packages.Contains((u.PackageOwner!, u.PackageName)))
                problems.Add("cpvendor_users", row, $"package '{u.PackageName}' of '{u.PackageOwner}' does not exist");
            if (u.Uid == 0)
                problems.Add("cpvendor_users", row, "uid 0 is root");
            if (!IsAbsolute(u.Home))
                problems.Add("cpvendor_users", row, $"home '{u.Home}' is not an absolute path");
        }
    }

    private static void ValidateDomains(IReadOnlyList<SourceDomain> rows, HashSet<string> users, HashSet<string> php, SourceProblems problems)
    {
        Unique(rows.Select(d => d.Row.Name), "cpvendor_domains", "name", problems);
        Unique(rows.Select(d => d.DomainId), "cpvendor_domains", "domain_id", problems);
        foreach (var owner in rows.Where(d => d.Row.IsMain).GroupBy(d => d.Row.Owner, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add("cpvendor_domains", owner.Key, $"account has {owner.Count()} main domains; at most one is allowed");
        foreach (var (id, d) in rows)
        {
            var row = $"{d.Name} (domain_id {id})";
            if (!users.Contains(d.Owner))
                problems.Add("cpvendor_domains", row, $"owner '{d.Owner}' is not an account");
            if (!IsAbsolute(d.DocumentRoot) || (d.DocumentRoot.Length > 1 && d.DocumentRoot.EndsWith('/')))
                problems.Add("cpvendor_domains", row, $"document_root '{d.DocumentRoot}' is not an absolute path without a trailing slash");
            if (d.PhpVersionId is { } p && !php.Contains(p))
                problems.Add("cpvendor_domains", row, $"php_version_id '{p}' is not in cpvendor_php");
            if (d.Handler is { } h && !Handlers.Contains(h))
                problems.Add("cpvendor_domains", row, $"handler '{h}' is not fpm, cgi or lsapi");
        }
    }

    private static bool IsAbsolute(string path) => path.StartsWith('/') && !path.Contains('\0', StringComparison.Ordinal);

    private static HashSet<string> Unique(IEnumerable<string> values, string view, string column, SourceProblems problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!seen.Add(value) && reported.Add(value))
                problems.Add(view, value.Replace('\u0000', '/'), $"{column} is not unique");
        }

        return seen;
    }
}
