using Cpvendor.Panel;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Diff;

/// <summary>
/// Compares two snapshots by the panel's stable ids and lists the hooks a panel that never calls
/// them would have called (docs/contract.md section 5), in this order: pre-delete hooks (before the
/// change); then post-delete hooks, package renames, user renames, user moves, domain renames and
/// user creations. Deletions come first because only they free a name that a rename or a creation
/// of the same sync may take again. Within a group, by old name in ordinal order. The events are
/// the lifecycle's own (<see cref="HookEvent"/> factories), so they carry the same ordering keys as
/// a lifecycle command on the same account would.
/// </summary>
internal static class HookDeriver
{
    public static IReadOnlyList<HookEvent> Derive(PanelSnapshot before, PanelSnapshot after)
    {
        var oldUsers = before.Users.ToDictionary(u => u.AccountId, u => u.Row, StringComparer.Ordinal);
        var newUsers = after.Users.ToDictionary(u => u.AccountId, u => u.Row, StringComparer.Ordinal);
        var newUids = after.Users.ToDictionary(u => u.Row.Username, u => u.Row.Uid, StringComparer.Ordinal);

        var deleted = oldUsers.Where(u => !newUsers.ContainsKey(u.Key)).Select(u => u.Value).OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
        var created = newUsers.Where(u => !oldUsers.ContainsKey(u.Key)).Select(u => u.Value).OrderBy(u => u.Username, StringComparer.Ordinal).ToList();
        var kept = oldUsers.Where(u => newUsers.ContainsKey(u.Key)).Select(u => (Old: u.Value, New: newUsers[u.Key]))
            .OrderBy(p => p.Old.Username, StringComparer.Ordinal).ToList();

        var events = new List<HookEvent>();
        events.AddRange(deleted.Select(u => HookEvent.UserDeleting(u.Username, u.Uid)));
        events.AddRange(deleted.Select(u => HookEvent.UserDeleted(u.Username, u.Uid)));
        events.AddRange(PackageRenames(before, after).Select(r => HookEvent.PackageRenamed(r.Owner, r.Old, r.New)));
        // "user renamed (name or home dir)": a new home alone is announced with the account's own name as the new one.
        events.AddRange(kept.Where(p => p.Old.Username != p.New.Username || p.Old.Home != p.New.Home)
            .Select(p => HookEvent.UserRenamed(p.Old.Username, p.New.Username, p.New.Uid)));
        events.AddRange(kept.Where(p => p.Old.Owner != p.New.Owner)
            .Select(p => HookEvent.UserMoved(p.New.Username, p.New.Owner, p.New.Uid)));
        events.AddRange(DomainRenames(before, after)
            .Select(d => HookEvent.DomainRenamed(d.Owner, newUids[d.Owner], d.Old, d.New, includeSubdomains: false)));
        events.AddRange(created.Select(u => HookEvent.UserCreated(u.Username, u.Owner, u.Uid)));
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
    private static List<(string Owner, string Old, string New)> PackageRenames(PanelSnapshot before, PanelSnapshot after)
    {
        var oldSet = before.Packages.ToHashSet();
        var newSet = after.Packages.ToHashSet();
        var gone = before.Packages.Where(p => !newSet.Contains(p)).ToList();
        var come = after.Packages.Where(p => !oldSet.Contains(p)).ToList();
        var renames = new List<(string Owner, string Old, string New)>();
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
                    renames.Add((owner, old.Name, matches[0].Name));
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
