using Cpvendor.Core;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;

namespace Cpvendor.Sources.Validation;

internal static partial class SnapshotValidator
{
    /// <summary>
    /// The lifecycle's own rules on a whole snapshot (docs/contract.md section 3, docs/lifecycle.md
    /// "What a panel may record"): every name, e-mail, locale, home and path field judged by the
    /// validators the commands use; the name rules between administrators, resellers and accounts;
    /// account uids, homes and document roots. Any problem rejects the whole sync, naming the rows.
    /// </summary>
    public static void ValidateIdentities(PanelSnapshot s, IdentityRules rules, SourceProblems problems)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(rules);
        var claims = new List<(NameClaim Claim, string View, string Row)>();
        foreach (var a in s.Admins)
        {
            var row = a.Name;
            Judge(problems, "cpvendor_admins", row, () => Names.Login(a.Name, "administrator name"));
            Judge(problems, "cpvendor_admins", row, () => a.UnixUser is null ? null : Names.Account(a.UnixUser, "unix_user"));
            Judge(problems, "cpvendor_admins", row, () => Names.Email(a.Email));
            Judge(problems, "cpvendor_admins", row, () => Names.Locale(a.LocaleCode));
            var uid = rules.AdminUnixUid(a.UnixUser);
            if (uid is { } u && u != 0 && !AccountIds.IsValid(u, rules.MinUid, rules.MaxUid))
                problems.Add("cpvendor_admins", row, $"unix_user '{Names.Show(a.UnixUser)}' has uid {u}, neither root nor a regular account ({rules.MinUid}..{rules.MaxUid - 1})");
            claims.Add((new NameClaim(a.Name, NameRole.AdminName, a.Name, uid), "cpvendor_admins", row));
            if (a.UnixUser is not null)
                claims.Add((new NameClaim(a.UnixUser, NameRole.AdminUnixUser, a.Name, uid), "cpvendor_admins", row));
        }

        foreach (var r in s.Resellers)
        {
            Judge(problems, "cpvendor_resellers", r.Name, () => Names.Login(r.Name, "reseller name"));
            Judge(problems, "cpvendor_resellers", r.Name, () => Names.Email(r.Email));
            Judge(problems, "cpvendor_resellers", r.Name, () => Names.Locale(r.LocaleCode));
            claims.Add((new NameClaim(r.Name, NameRole.ResellerName, r.Name, rules.ResellerUnixUid(r.Name)), "cpvendor_resellers", r.Name));
        }

        foreach (var p in s.Packages)
        {
            Judge(problems, "cpvendor_packages", $"{Names.Show(p.Name)} of {Names.Show(p.Owner)}", () => Names.Package(p.Name));
        }

        var homes = new Dictionary<string, (string User, uint Uid)>(StringComparer.Ordinal);
        foreach (var (id, u) in s.Users)
        {
            var row = $"{Names.Show(u.Username)} (account_id {Names.Show(id)})";
            Judge(problems, "cpvendor_users", row, () => Names.Account(u.Username));
            Judge(problems, "cpvendor_users", row, () => Names.Email(u.Email));
            Judge(problems, "cpvendor_users", row, () => Names.Locale(u.LocaleCode));
            Judge(problems, "cpvendor_users", row, () => PanelPaths.Home(u.Home));
            if (!AccountIds.IsValid(u.Uid, rules.MinUid, rules.MaxUid))
                problems.Add("cpvendor_users", row, $"uid {u.Uid} is outside {rules.MinUid}..{rules.MaxUid - 1} (an account needs a regular uid)");
            if (rules.UnixUid(u.Username) is { } unixUid && unixUid != u.Uid)
                problems.Add("cpvendor_users", row, $"the UNIX account '{Names.Show(u.Username)}' has uid {unixUid}, not {u.Uid}");
            claims.Add((new NameClaim(u.Username, NameRole.Username, u.Username, u.Uid), "cpvendor_users", row));
            homes.TryAdd(u.Home, (u.Username, u.Uid));
        }

        foreach (var (id, u) in s.Users)
        {
            // A home is nobody else's: not equal to, inside or around another account's (same uid aside).
            foreach (var other in Ancestors(u.Home).Append(u.Home))
            {
                if (homes.TryGetValue(other, out var holder) && holder.User != u.Username && holder.Uid != u.Uid)
                    problems.Add("cpvendor_users", $"{Names.Show(u.Username)} (account_id {Names.Show(id)})", $"home '{Names.Show(u.Home)}' is or lies inside the home of account '{holder.User}'");
            }
        }

        var homeOf = s.Users.GroupBy(u => u.Row.Username, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Row.Home, StringComparer.Ordinal);
        foreach (var (id, d) in s.Domains)
        {
            var row = $"{Names.Show(d.Name)} (domain_id {Names.Show(id)})";
            Judge(problems, "cpvendor_domains", row, () => DomainNames.Normalize(d.Name) == d.Name ? d.Name : throw CpvendorException.Invalid($"name '{Names.Show(d.Name)}' is not in its stored form (lower case ASCII, Punycode): {DomainNames.Normalize(d.Name)}"));
            if (homeOf.TryGetValue(d.Owner, out var home))
                Judge(problems, "cpvendor_domains", row, () => PanelPaths.DocumentRoot(d.DocumentRoot, home));
        }

        foreach (var d in s.DbUsers)
            Judge(problems, "cpvendor_db_users", Names.Show(d.DbUser), () => Names.DbUser(d.DbUser));

        foreach (var group in claims.GroupBy(c => c.Claim.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (NameRules.Conflict(list[i].Claim, list[j].Claim) is { } why)
                        problems.Add(list[i].View, Names.Show(list[i].Row), why);
                }
            }
        }
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
            yield return path[..i];
    }

    private static void Judge(SourceProblems problems, string view, string row, Func<string?> check)
    {
        try
        {
            check();
        }
        catch (CpvendorException e)
        {
            problems.Add(view, Names.Show(row), e.Message);
        }
    }
}
