using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Validation;

/// <summary>
/// Turns what a source read into what the store may serve, record by record (docs/contract.md
/// section 8). A record that fails a rule is rejected alone: the store keeps serving its last
/// accepted version (a record never accepted waits), so a rejected record is never taken for a
/// deletion and derives no hook. The records that depend on a rejected one keep their last accepted
/// versions too: the packages and accounts of a reseller, the accounts of a package, the domains
/// and database users of an account. A served record whose deletion would leave such a kept record
/// without its owner, package or PHP version stays until nothing needs it. When two records claim
/// one name (a username, a uid, a domain name...), the one that already holds it keeps it and the
/// other is rejected; when neither holds it yet, both wait. Each pass judges the result again until
/// nothing more is rejected or kept, so what is served always meets every rule of the store.
/// </summary>
internal sealed partial class Admission
{
    private readonly SnapshotIndex fresh;
    private readonly SnapshotIndex served;
    private readonly SnapshotRules rules;
    private readonly RecordLabels labels;
    private readonly SourceProblems problems;

    /// <summary>Records that failed a rule, with every reason found.</summary>
    private readonly Dictionary<RecordKey, List<Rejection>> rejected = [];

    /// <summary>Kinds with a record whose id could not be read: none of their served records is deleted.</summary>
    private readonly HashSet<RecordKind> unidentified = [];

    /// <summary>Served records gone from the source that stay while a kept record needs them, and why.</summary>
    private readonly Dictionary<RecordKey, string> kept = [];

    private Admission(PanelSnapshot read, PanelSnapshot served, SourceProblems problems, SnapshotRules rules, RecordLabels labels)
    {
        fresh = new SnapshotIndex(read);
        this.served = new SnapshotIndex(served);
        this.rules = rules;
        this.labels = labels;
        this.problems = problems;
    }

    /// <summary>
    /// Judges <paramref name="read"/> against what the store serves (<paramref name="served"/>: the
    /// last good sync's data; empty before the first). Problems of the whole read stay in
    /// <paramref name="problems"/> for the caller to refuse the sync.
    /// </summary>
    public static AdmittedSnapshot Admit(PanelSnapshot read, PanelSnapshot served, SourceProblems problems, SnapshotRules rules, RecordLabels labels)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(problems);
        var admission = new Admission(WithContactAddresses(read), served, problems, rules, labels);
        return admission.Run();
    }

    private AdmittedSnapshot Run()
    {
        foreach (var rejection in problems.Rejections)
        {
            if (rejection.Key is { } key)
                Add(key, rejection);
            else
                unidentified.Add(rejection.Kind);
        }

        foreach (var key in fresh.Duplicates)
            Reject(key, fresh.Row(key)!, $"{IdName(key.Kind)} is not unique");
        RecordChecks.Judge(Fresh(), rules, (key, row, reason) => Reject(key, row, reason));

        // Each pass only rejects or keeps more records, so this ends; a bound guards against a mistake.
        for (var pass = 0; pass < 1000; pass++)
        {
            var held = Closure();
            var (snapshot, fromServed) = Compose(held);
            if (!Check(snapshot, fromServed))
                return new AdmittedSnapshot(snapshot, Report(held, fromServed));
        }

        throw Core.CpvendorException.Invalid("the panel's records could not be settled into one consistent set");
    }

    /// <summary>The records read, in the order read, one per key.</summary>
    private PanelSnapshot Fresh() =>
        new([.. fresh.Admins.Values], [.. fresh.Resellers.Values], [.. fresh.Packages.Values], [.. fresh.Users.Values],
            [.. fresh.Domains.Values], [.. fresh.DbUsers.Values], [.. fresh.Php.Values]);

    /// <summary>
    /// What the store will serve: per key, the record read; the served version when the record (or
    /// one it depends on) is rejected; nothing when it is gone, unless a kept record needs it or its
    /// kind had a record whose id could not be read.
    /// </summary>
    private (PanelSnapshot Snapshot, HashSet<RecordKey> FromServed) Compose(Dictionary<RecordKey, string?> held)
    {
        var fromServed = new HashSet<RecordKey>();
        List<T> Pick<T>(Dictionary<RecordKey, T> now, Dictionary<RecordKey, T> before)
        {
            var list = new List<T>(now.Count);
            foreach (var (key, row) in now)
            {
                if (!held.ContainsKey(key))
                    list.Add(row);
                else if (before.TryGetValue(key, out var old) && fromServed.Add(key))
                    list.Add(old);
            }

            foreach (var (key, old) in before)
            {
                if (!now.ContainsKey(key) && (held.ContainsKey(key) || kept.ContainsKey(key)) && fromServed.Add(key))
                    list.Add(old);
            }

            return list;
        }

        var users = Pick(fresh.Users, served.Users);
        // A kept domain or database user follows its account's current name.
        var nameOf = users.GroupBy(u => u.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Row.Username, StringComparer.Ordinal);
        string Owner(string old) =>
            served.AccountOfUsername.TryGetValue(old, out var account) && nameOf.TryGetValue(account, out var name) ? name : old;
        var domains = Pick(fresh.Domains, served.Domains)
            .Select(d => fromServed.Contains(RecordKey.Domain(d.DomainId)) && Owner(d.Row.Owner) is var o && o != d.Row.Owner ? d with { Row = d.Row with { Owner = o } } : d)
            .ToList();
        var dbUsers = Pick(fresh.DbUsers, served.DbUsers)
            .Select(d => fromServed.Contains(RecordKey.DbUser(d.DbUser)) && Owner(d.Owner) is var o && o != d.Owner ? d with { Owner = o } : d)
            .ToList();
        var snapshot = new PanelSnapshot(
            Pick(fresh.Admins, served.Admins), Pick(fresh.Resellers, served.Resellers), Pick(fresh.Packages, served.Packages),
            users, domains, dbUsers, Pick(fresh.Php, served.Php));
        return (snapshot, fromServed);
    }

    private bool Reject(RecordKey key, string row, string reason) =>
        Add(key, new Rejection(key, key.Kind, labels.Of(key.Kind), row, reason));

    private bool Add(RecordKey key, Rejection rejection)
    {
        var added = !rejected.TryGetValue(key, out var list);
        if (added)
            rejected[key] = list = [];
        list!.Add(rejection);
        return added;
    }

    /// <summary>Keeps a served record that is gone from the source; true when it was not kept yet.</summary>
    private bool Keep(RecordKey key, string why) => served.Has(key) && !fresh.Has(key) && kept.TryAdd(key, why);

    private static string IdName(RecordKind kind) => kind switch
    {
        RecordKind.Admin or RecordKind.Reseller => "name",
        RecordKind.Package => "(owner, name)",
        RecordKind.User => "account_id",
        RecordKind.Domain => "domain_id",
        RecordKind.DbUser => "db_user",
        _ => "identifier",
    };

    private static PanelSnapshot WithContactAddresses(PanelSnapshot s) => s with
    {
        Admins = [.. s.Admins.Select(a => a.Email is { } e && ContactAddress.Of(e) != e ? a with { Email = ContactAddress.Of(e) } : a)],
        Resellers = [.. s.Resellers.Select(r => r.Email is { } e && ContactAddress.Of(e) != e ? r with { Email = ContactAddress.Of(e) } : r)],
        Users = [.. s.Users.Select(u => u.Row.Email is { } e && ContactAddress.Of(e) != e ? u with { Row = u.Row with { Email = ContactAddress.Of(e) } } : u)],
    };
}
