using Cpvendor.Core;
using Cpvendor.Panel.Validation;

namespace Cpvendor.Sources.Validation;

internal sealed partial class Admission
{
    /// <summary>
    /// One pass over what would be served: a record read whose owner, package or PHP version is not
    /// there, or that claims a name another record holds, is rejected; a served record kept for a
    /// rejected one keeps what it needs. True when the pass rejected or kept anything.
    /// </summary>
    private bool Check(PanelSnapshot s, HashSet<RecordKey> fromServed)
    {
        var e = new SnapshotIndex(s);
        var changed = Relations(e, fromServed);
        changed |= Claims(s, e, fromServed);
        changed |= MainAdmin(s);
        return changed;
    }

    private bool Relations(SnapshotIndex e, HashSet<RecordKey> fromServed)
    {
        var changed = false;
        bool IsOwner(string name) => e.Admins.ContainsKey(RecordKey.Admin(name)) || e.Resellers.ContainsKey(RecordKey.Reseller(name));
        bool KeepOwner(string name, string why) =>
            Keep(served.Admins.ContainsKey(RecordKey.Admin(name)) ? RecordKey.Admin(name) : RecordKey.Reseller(name), why);
        bool KeepAccount(string username, string why) =>
            served.AccountOfUsername.TryGetValue(username, out var account) && Keep(RecordKey.User(account), why);

        foreach (var (key, p) in e.Packages)
        {
            if (IsOwner(p.Owner))
                continue;
            changed |= fromServed.Contains(key)
                ? KeepOwner(p.Owner, $"package '{Names.Show(p.Name)}', whose new version is not accepted, still belongs to it")
                : Reject(key, RecordLabels.Row(p), $"owner '{Names.Show(p.Owner)}' is neither an admin nor a reseller");
        }

        foreach (var (key, user) in e.Users)
        {
            var u = user.Row;
            var old = fromServed.Contains(key);
            if (!IsOwner(u.Owner))
            {
                changed |= old
                    ? KeepOwner(u.Owner, $"account '{Names.Show(u.Username)}', whose new version is not accepted, still belongs to it")
                    : Reject(key, RecordLabels.Row(user), $"owner '{Names.Show(u.Owner)}' is neither an admin nor a reseller");
            }

            if (u.PackageName is { } name && u.PackageOwner is { } owner && !e.Packages.ContainsKey(RecordKey.Package(owner, name)))
            {
                changed |= old
                    ? Keep(RecordKey.Package(owner, name), $"account '{Names.Show(u.Username)}', whose new version is not accepted, still uses it")
                    : Reject(key, RecordLabels.Row(user), $"package '{Names.Show(name)}' of '{Names.Show(owner)}' does not exist");
            }
        }

        foreach (var (key, domain) in e.Domains)
        {
            var d = domain.Row;
            var old = fromServed.Contains(key);
            if (!e.AccountOfUsername.TryGetValue(d.Owner, out var account))
            {
                changed |= old
                    ? KeepAccount(d.Owner, $"domain '{Names.Show(d.Name)}', whose new version is not accepted, still belongs to it")
                    : Reject(key, RecordLabels.Row(domain), $"owner '{Names.Show(d.Owner)}' is not an account");
            }
            else if (!old && DocumentRootProblem(d.DocumentRoot, e.Users[RecordKey.User(account)].Row.Home) is { } why)
            {
                changed |= Reject(key, RecordLabels.Row(domain), why);
            }

            if (d.PhpVersionId is { } php && !e.Php.ContainsKey(RecordKey.Php(php)))
            {
                changed |= old
                    ? Keep(RecordKey.Php(php), $"domain '{Names.Show(d.Name)}', whose new version is not accepted, still uses it")
                    : Reject(key, RecordLabels.Row(domain), $"php_version_id '{Names.Show(php)}' is not a PHP version of the panel");
            }
        }

        foreach (var (key, d) in e.DbUsers)
        {
            if (e.AccountOfUsername.ContainsKey(d.Owner))
                continue;
            changed |= fromServed.Contains(key)
                ? KeepAccount(d.Owner, $"database user '{Names.Show(d.DbUser)}', whose new version is not accepted, still belongs to it")
                : Reject(key, RecordLabels.Row(d), $"owner '{Names.Show(d.Owner)}' is not an account");
        }

        return changed;
    }

    private static string? DocumentRootProblem(string root, string home)
    {
        try
        {
            PanelPaths.DocumentRoot(root, home);
            return null;
        }
        catch (CpvendorException e)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// Exactly one administrator is the main one. When none is, the served main administrator stays
    /// main (its new version, or its deletion, waits); a panel that has never had one fails the read.
    /// </summary>
    private bool noMainAdmin;

    private bool MainAdmin(PanelSnapshot s)
    {
        if (s.Admins.Any(a => a.IsMain))
            return false;
        if (served.Admins.Values.FirstOrDefault(a => a.IsMain) is not { } main)
        {
            if (!noMainAdmin)
                problems.Fail(labels.Of(RecordKind.Admin), "(all)", "no row has is_main set; exactly one admin must be the main one");
            noMainAdmin = true;
            return false;
        }

        var key = RecordKey.Admin(main.Name);
        return fresh.Admins.ContainsKey(key)
            ? Reject(key, RecordLabels.Row(main), "is_main is cleared while no other administrator is the main one")
            : Keep(key, "the main administrator goes only when another one is the main one");
    }
}
