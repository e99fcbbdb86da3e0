using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Diff;

/// <summary>
/// Compares two snapshots by the panel's stable ids and lists the hooks a panel that never calls
/// them would have called (CONTRACT.md section 5), in this order: pre-delete hooks (before the
/// change); then package renames, user renames, user moves, domain renames, user creations and
/// post-delete hooks. Within a group, by old name in ordinal order.
/// </summary>
internal static class HookDeriver
{
    public const string PreUser = "pre_modify_user.py";
    public const string PostUser = "post_modify_user.py";
    public const string PostDomain = "post_modify_domain.py";
    public const string PostPackage = "post_modify_package.py";

    public static IReadOnlyList<HookEvent> Derive(PanelSnapshot before, PanelSnapshot after)
    {
        var oldUsers = before.Users.ToDictionary(u => u.AccountId, u => u.Row, StringComparer.Ordinal);
        var newUsers = after.Users.ToDictionary(u => u.AccountId, u => u.Row, StringComparer.Ordinal);

        var deleted = oldUsers.Where(u => !newUsers.ContainsKey(u.Key)).Select(u => u.Value.Username).Order(StringComparer.Ordinal).ToList();
        var created = newUsers.Where(u => !oldUsers.ContainsKey(u.Key)).Select(u => u.Value).OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
        var kept = oldUsers.Where(u => newUsers.ContainsKey(u.Key)).Select(u => (Old: u.Value, New: newUsers[u.Key]))
            .OrderBy(p => p.Old.Username, StringComparer.Ordinal).ToList();

        var events = new List<HookEvent>();
        events.AddRange(deleted.Select(name => new HookEvent(PreUser, ["delete", "--username", name], Before: true)));
        events.AddRange(PackageRenames(before, after).Select(r => new HookEvent(PostPackage, ["rename", "--name", r.Old, "--new-name", r.New])));
        events.AddRange(kept.Where(p => p.Old.Username != p.New.Username)
            .Select(p => new HookEvent(PostUser, ["modify", "-u", p.Old.Username, "--new-username", p.New.Username])));
        events.AddRange(kept.Where(p => p.Old.Owner != p.New.Owner)
            .Select(p => new HookEvent(PostUser, ["modify", "-u", p.New.Username, "--new-owner", p.New.Owner])));
        events.AddRange(DomainRenames(before, after).Select(d => new HookEvent(PostDomain, ["modify", "-u", d.Owner, "--domain", d.Old, "--new-domain", d.New])));
        events.AddRange(created.Select(u => new HookEvent(PostUser, ["create", "--username", u.Username, "--owner", u.Owner])));
        events.AddRange(deleted.Select(name => new HookEvent(PostUser, ["delete", "--username", name])));
        return events;
    }

    private static IEnumerable<(string Owner, string Old, string New)> DomainRenames(PanelSnapshot before, PanelSnapshot after)
    {
        var newDomains = after.Domains.ToDictionary(d => d.DomainId, d => d.Row, StringComparer.Ordinal);
        return before.Domains
            .Where(d => newDomains.TryGetValue(d.DomainId, out var n) && n.Name != d.Row.Name)
            .Select(d => (newDomains[d.DomainId].Owner, d.Row.Name, newDomains[d.DomainId].Name))
            .OrderBy(d => d.Item2, StringComparer.Ordinal);
    }

    /// <summary>
    /// Packages have no stable id: a package of one owner that disappeared is taken as renamed to one
    /// that appeared for the same owner when exactly the same accounts (by account id) now use it, or,
    /// for packages without accounts, when it is the only one of that owner to go and to come.
    /// </summary>
    private static List<(string Old, string New)> PackageRenames(PanelSnapshot before, PanelSnapshot after)
    {
        var oldSet = before.Packages.ToHashSet();
        var newSet = after.Packages.ToHashSet();
        var gone = before.Packages.Where(p => !newSet.Contains(p)).ToList();
        var come = after.Packages.Where(p => !oldSet.Contains(p)).ToList();
        var renames = new List<(string Old, string New)>();
        foreach (var owner in gone.Select(p => p.Owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var goneHere = gone.Where(p => p.Owner == owner).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var comeHere = come.Where(p => p.Owner == owner).ToList();
            foreach (var old in goneHere)
            {
                var members = Members(before, old);
                var matches = comeHere.Where(n => Members(after, n).SetEquals(members)).ToList();
                if (matches.Count == 1 && (members.Count > 0 || (goneHere.Count == 1 && comeHere.Count == 1)))
                {
                    renames.Add((old.Name, matches[0].Name));
                    comeHere.Remove(matches[0]);
                }
            }
        }

        return renames;
    }

    private static HashSet<string> Members(PanelSnapshot snapshot, PackageRow package) =>
        snapshot.Users.Where(u => u.Row.PackageOwner == package.Owner && u.Row.PackageName == package.Name)
            .Select(u => u.AccountId).ToHashSet(StringComparer.Ordinal);
}
