using Cpvendor.Core;
using Cpvendor.Panel.Validation;

namespace Cpvendor.Sources.Validation;

/// <summary>
/// The rules a record must meet on its own (docs/contract.md section 3, docs/lifecycle.md "What a
/// panel may record"): every name, e-mail, locale, home and path field judged by the validators the
/// lifecycle commands use, to its true end; reseller ids in UID_MAX..4294967295; account uids in
/// UID_MIN..UID_MAX-1 and equal to the host's UNIX account of that name; db users of at most 63
/// characters; handlers fpm, cgi or lsapi. What a record must agree on with others (owners that
/// exist, names nobody else holds) is judged by <see cref="Admission"/>.
/// </summary>
internal static class RecordChecks
{
    private static readonly HashSet<string> Handlers = new(StringComparer.Ordinal) { "fpm", "cgi", "lsapi" };

    public delegate void Reject(RecordKey key, string row, string reason);

    public static void Judge(PanelSnapshot s, SnapshotRules rules, Reject reject)
    {
        var identities = rules.Identities;
        foreach (var a in s.Admins)
        {
            var key = RecordKey.Admin(a.Name);
            var row = RecordLabels.Row(a);
            Judge(reject, key, row, () => Names.Login(a.Name, "administrator name"));
            Judge(reject, key, row, () => a.UnixUser is null ? null : Names.Account(a.UnixUser, "unix_user"));
            Judge(reject, key, row, () => Names.Email(a.Email));
            Judge(reject, key, row, () => Names.Locale(a.LocaleCode));
            if (identities.AdminUnixUid(a.UnixUser) is { } u && u != 0 && !AccountIds.IsValid(u, identities.MinUid, identities.MaxUid))
                reject(key, row, $"unix_user '{Names.Show(a.UnixUser)}' has uid {u}, neither root nor a regular account ({identities.MinUid}..{identities.MaxUid - 1})");
        }

        foreach (var r in s.Resellers)
        {
            var key = RecordKey.Reseller(r.Name);
            var row = RecordLabels.Row(r);
            Judge(reject, key, row, () => Names.Login(r.Name, "reseller name"));
            Judge(reject, key, row, () => Names.Email(r.Email));
            Judge(reject, key, row, () => Names.Locale(r.LocaleCode));
            if (r.ResellerId is { } id && (id < rules.MaxUid || id > uint.MaxValue))
                reject(key, row, $"reseller_id {id} is outside {rules.MaxUid}..{uint.MaxValue}");
        }

        foreach (var p in s.Packages)
            Judge(reject, RecordKey.Package(p.Owner, p.Name), RecordLabels.Row(p), () => Names.Package(p.Name));

        foreach (var user in s.Users)
        {
            var (id, u) = user;
            var key = RecordKey.User(id);
            var row = RecordLabels.Row(user);
            Judge(reject, key, row, () => Names.Account(u.Username));
            Judge(reject, key, row, () => Names.Email(u.Email));
            Judge(reject, key, row, () => Names.Locale(u.LocaleCode));
            Judge(reject, key, row, () => PanelPaths.Home(u.Home));
            if ((u.PackageName is null) != (u.PackageOwner is null))
                reject(key, row, "package_name and package_owner must both be set or both be null");
            if (u.Uid == 0)
                reject(key, row, "uid 0 is root");
            else if (!AccountIds.IsValid(u.Uid, identities.MinUid, identities.MaxUid))
                reject(key, row, $"uid {u.Uid} is outside {identities.MinUid}..{identities.MaxUid - 1} (an account needs a regular uid)");
            if (identities.UnixUid(u.Username) is { } unixUid && unixUid != u.Uid)
                reject(key, row, $"the UNIX account '{Names.Show(u.Username)}' has uid {unixUid}, not {u.Uid}");
        }

        foreach (var domain in s.Domains)
        {
            var d = domain.Row;
            var key = RecordKey.Domain(domain.DomainId);
            var row = RecordLabels.Row(domain);
            Judge(reject, key, row, () => DomainNames.Normalize(d.Name) == d.Name ? d.Name : throw CpvendorException.Invalid($"name '{Names.Show(d.Name)}' is not in its stored form (lower case ASCII, Punycode): {DomainNames.Normalize(d.Name)}"));
            Judge(reject, key, row, () => Names.AbsolutePath(d.DocumentRoot, "document root"));
            if (d.Handler is { } h && !Handlers.Contains(h))
                reject(key, row, $"handler '{Names.Show(h)}' is not fpm, cgi or lsapi");
        }

        foreach (var d in s.DbUsers)
            Judge(reject, RecordKey.DbUser(d.DbUser), RecordLabels.Row(d), () => Names.DbUser(d.DbUser));
    }

    private static void Judge(Reject reject, RecordKey key, string row, Func<string?> check)
    {
        try
        {
            check();
        }
        catch (CpvendorException e)
        {
            reject(key, row, e.Message);
        }
    }
}
