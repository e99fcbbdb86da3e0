namespace Cpvendor.Sources.Diff;

/// <summary>
/// What a new snapshot changes outside the store: whether anything changed at all, which UNIX ids'
/// per-user files (account names and domains, with their PHP blocks) must be rewritten, and whether
/// a line of the MySQL Governor map (<c>db_user account uid</c>, docs/contract.md section 7) changed.
/// </summary>
internal sealed record SnapshotChanges(bool Any, IReadOnlyCollection<uint> Uids, bool GovernorMap)
{
    public static SnapshotChanges Between(PanelSnapshot before, PanelSnapshot after)
    {
        var uids = new HashSet<uint>();
        var phpChanged = !SameSet(before.Php, after.Php);
        if (phpChanged)
        {
            // Every domain's php block may read from a changed version: republish every id.
            uids.UnionWith(before.Users.Select(u => u.Row.Uid));
            uids.UnionWith(after.Users.Select(u => u.Row.Uid));
        }
        else
        {
            var oldUsers = before.Users.ToDictionary(u => u.Row.Username, u => u.Row, StringComparer.Ordinal);
            var newUsers = after.Users.ToDictionary(u => u.Row.Username, u => u.Row, StringComparer.Ordinal);
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, row) in oldUsers)
            {
                if (!newUsers.TryGetValue(name, out var other) || other != row)
                    touched.Add(name);
            }

            touched.UnionWith(newUsers.Keys.Where(n => !oldUsers.ContainsKey(n)));
            var oldDomains = before.Domains.ToDictionary(d => d.Row.Name, d => d.Row, StringComparer.Ordinal);
            var newDomains = after.Domains.ToDictionary(d => d.Row.Name, d => d.Row, StringComparer.Ordinal);
            foreach (var (name, row) in oldDomains)
            {
                if (!newDomains.TryGetValue(name, out var other) || other != row)
                    touched.Add(row.Owner);
            }

            foreach (var (name, row) in newDomains)
            {
                if (!oldDomains.TryGetValue(name, out var other) || other != row)
                    touched.Add(row.Owner);
            }

            foreach (var name in touched)
            {
                if (oldUsers.TryGetValue(name, out var o))
                    uids.Add(o.Uid);
                if (newUsers.TryGetValue(name, out var n))
                    uids.Add(n.Uid);
            }
        }

        var any = phpChanged || uids.Count > 0
            || !SameSet(before.Users, after.Users) || !SameSet(before.Domains, after.Domains)
            || !SameSet(before.Admins, after.Admins) || !SameSet(before.Resellers, after.Resellers)
            || !SameSet(before.Packages, after.Packages) || !SameSet(before.DbUsers, after.DbUsers);
        return new SnapshotChanges(any, uids, !GovernorLines(before).SetEquals(GovernorLines(after)));
    }

    private static HashSet<(string DbUser, string Owner, uint Uid)> GovernorLines(PanelSnapshot snapshot)
    {
        var uids = snapshot.Users.ToDictionary(u => u.Row.Username, u => u.Row.Uid, StringComparer.Ordinal);
        return snapshot.DbUsers.Select(d => (d.DbUser, d.Owner, uids.TryGetValue(d.Owner, out var uid) ? uid : 0)).ToHashSet();
    }

    private static bool SameSet<T>(IReadOnlyList<T> a, IReadOnlyList<T> b) =>
        a.Count == b.Count && a.ToHashSet().SetEquals(b);
}
