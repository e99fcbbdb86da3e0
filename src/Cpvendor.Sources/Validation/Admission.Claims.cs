using System.Globalization;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;

namespace Cpvendor.Sources.Validation;

internal sealed partial class Admission
{
    /// <summary>A record's claim on a name; <paramref name="Served"/> when the store already serves that record with that name.</summary>
    private sealed record Claim(RecordKey Key, string Row, bool Served);

    /// <summary>
    /// Names that one record at most may hold: the name rules between administrators, resellers and
    /// accounts; uids (unless the panel allows shared ones); domain names; reseller ids; the main
    /// administrator; an account's main domain; homes, which nest in no other account's.
    /// </summary>
    private bool Claims(PanelSnapshot s, SnapshotIndex e, HashSet<RecordKey> fromServed)
    {
        // The name rules let one identity hold a name in two roles; two accounts never share a username.
        var changed = Unique(s.Users, u => u.Row.Username, u => RecordKey.User(u.AccountId), RecordLabels.Row,
            (u, b) => served.Users.TryGetValue(b, out var o) && o.Row.Username == u.Row.Username, "username", fromServed);
        changed |= NameClaims(s, fromServed);
        if (!rules.AllowDuplicateUids)
        {
            changed |= Unique(s.Users, u => u.Row.Uid.ToString(CultureInfo.InvariantCulture), u => RecordKey.User(u.AccountId), RecordLabels.Row,
                (u, b) => served.Users.TryGetValue(b, out var o) && o.Row.Uid == u.Row.Uid, "uid", fromServed);
        }

        changed |= Unique(s.Domains, d => d.Row.Name, d => RecordKey.Domain(d.DomainId), RecordLabels.Row,
            (d, b) => served.Domains.TryGetValue(b, out var o) && o.Row.Name == d.Row.Name, "domain name", fromServed);
        changed |= Unique(s.Resellers.Where(r => r.ResellerId is not null).ToList(), r => r.ResellerId!.Value.ToString(CultureInfo.InvariantCulture), r => RecordKey.Reseller(r.Name), RecordLabels.Row,
            (r, b) => served.Resellers.TryGetValue(b, out var o) && o.ResellerId == r.ResellerId, "reseller_id", fromServed);
        changed |= Unique(s.Admins.Where(a => a.IsMain).ToList(), _ => "is_main", a => RecordKey.Admin(a.Name), RecordLabels.Row,
            (a, b) => served.Admins.TryGetValue(b, out var o) && o.IsMain, "main administrator (is_main)", fromServed);
        changed |= Unique(s.Domains.Where(d => d.Row.IsMain).ToList(), d => e.AccountOfUsername.GetValueOrDefault(d.Row.Owner) ?? d.Row.Owner, d => RecordKey.Domain(d.DomainId), RecordLabels.Row,
            (d, b) => served.Domains.TryGetValue(b, out var o) && o.Row.IsMain && served.AccountOfUsername.GetValueOrDefault(o.Row.Owner) == e.AccountOfUsername.GetValueOrDefault(d.Row.Owner),
            "main domain of an account", fromServed);
        changed |= Homes(s, fromServed);
        return changed;
    }

    private bool NameClaims(PanelSnapshot s, HashSet<RecordKey> fromServed)
    {
        var claims = new List<(NameClaim Name, Claim Claim)>();
        foreach (var a in s.Admins)
        {
            var key = RecordKey.Admin(a.Name);
            var uid = rules.Identities.AdminUnixUid(a.UnixUser);
            var old = served.Admins.GetValueOrDefault(key);
            claims.Add((new NameClaim(a.Name, NameRole.AdminName, a.Name, uid), new Claim(key, RecordLabels.Row(a), old is not null)));
            if (a.UnixUser is not null)
                claims.Add((new NameClaim(a.UnixUser, NameRole.AdminUnixUser, a.Name, uid), new Claim(key, RecordLabels.Row(a), old?.UnixUser == a.UnixUser)));
        }

        foreach (var r in s.Resellers)
            claims.Add((new NameClaim(r.Name, NameRole.ResellerName, r.Name, rules.Identities.ResellerUnixUid(r.Name)), new Claim(RecordKey.Reseller(r.Name), RecordLabels.Row(r), served.Resellers.ContainsKey(RecordKey.Reseller(r.Name)))));
        foreach (var u in s.Users)
        {
            var key = RecordKey.User(u.AccountId);
            var servedName = served.Users.TryGetValue(key, out var o) && o.Row.Username == u.Row.Username;
            claims.Add((new NameClaim(u.Row.Username, NameRole.Username, u.Row.Username, u.Row.Uid), new Claim(key, RecordLabels.Row(u), servedName)));
        }

        var changed = false;
        foreach (var group in claims.GroupBy(c => c.Name.Name, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    if (NameRules.Conflict(list[i].Name, list[j].Name) is { } why)
                        changed |= Settle([list[i].Claim, list[j].Claim], _ => why, fromServed);
                }
            }
        }

        return changed;
    }

    /// <summary>At most one record per value of <paramref name="value"/>; the one served with it keeps it.</summary>
    private bool Unique<T>(IReadOnlyList<T> rows, Func<T, string> value, Func<T, RecordKey> key, Func<T, string> row, Func<T, RecordKey, bool> isServed, string what, HashSet<RecordKey> fromServed)
    {
        var changed = false;
        foreach (var group in rows.GroupBy(value, StringComparer.Ordinal).Where(g => g.Skip(1).Any()))
        {
            var claims = group.Select(r => new Claim(key(r), row(r), fromServed.Contains(key(r)) || isServed(r, key(r)))).ToList();
            changed |= Settle(claims, c => $"{what} '{Names.Show(group.Key)}' is also claimed by {string.Join(", ", claims.Where(o => o.Key != c.Key).Select(o => o.Row))}", fromServed);
        }

        return changed;
    }

    /// <summary>A home is nobody else's: not equal to, inside or around another account's (same uid aside).</summary>
    private bool Homes(PanelSnapshot s, HashSet<RecordKey> fromServed)
    {
        var homes = new Dictionary<string, SourceUser>(StringComparer.Ordinal);
        foreach (var u in s.Users)
            homes.TryAdd(u.Row.Home, u);
        var changed = false;
        foreach (var u in s.Users)
        {
            foreach (var path in Ancestors(u.Row.Home).Append(u.Row.Home))
            {
                if (!homes.TryGetValue(path, out var holder) || holder.Row.Username == u.Row.Username || holder.Row.Uid == u.Row.Uid)
                    continue;
                bool Served(SourceUser x) => fromServed.Contains(RecordKey.User(x.AccountId))
                    || (served.Users.TryGetValue(RecordKey.User(x.AccountId), out var o) && o.Row.Home == x.Row.Home);
                List<Claim> pair = [new(RecordKey.User(u.AccountId), RecordLabels.Row(u), Served(u)), new(RecordKey.User(holder.AccountId), RecordLabels.Row(holder), Served(holder))];
                changed |= Settle(pair, c => c.Key == pair[0].Key
                    ? $"home '{Names.Show(u.Row.Home)}' is or lies inside the home of account '{Names.Show(holder.Row.Username)}'"
                    : $"home '{Names.Show(holder.Row.Home)}' holds the home of account '{Names.Show(u.Row.Username)}'", fromServed);
            }
        }

        return changed;
    }

    /// <summary>
    /// Claims on one name that cannot all stand: the served ones keep it and the others are
    /// rejected; when none is served, all that were read are rejected (the panel has to decide).
    /// </summary>
    private bool Settle(IReadOnlyList<Claim> claims, Func<Claim, string> why, HashSet<RecordKey> fromServed)
    {
        var holder = claims.FirstOrDefault(c => c.Served);
        var changed = false;
        foreach (var claim in claims.Where(c => !c.Served && !fromServed.Contains(c.Key)))
        {
            var outcome = holder is null
                ? "; none of them is served yet, so none is accepted until the panel leaves one"
                : $"; {holder.Row}, already served with it, keeps it";
            changed |= Reject(claim.Key, claim.Row, why(claim) + outcome);
        }

        return changed;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
            yield return path[..i];
    }
}
