using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Validation;

/// <summary>
/// One snapshot's records by key (the first row of each key; <see cref="Duplicates"/> lists keys
/// that more than one row claims) and the lookups the dependency closure follows: packages and
/// accounts by owner, accounts by package, domains and database users by owner's username.
/// </summary>
internal sealed class SnapshotIndex
{
    public SnapshotIndex(PanelSnapshot s)
    {
        foreach (var a in s.Admins)
            Add(Admins, RecordKey.Admin(a.Name), a);
        foreach (var r in s.Resellers)
            Add(Resellers, RecordKey.Reseller(r.Name), r);
        foreach (var p in s.Packages)
        {
            if (Add(Packages, RecordKey.Package(p.Owner, p.Name), p))
                Group(PackagesByOwner, p.Owner, RecordKey.Package(p.Owner, p.Name));
        }

        foreach (var u in s.Users)
        {
            var key = RecordKey.User(u.AccountId);
            if (!Add(Users, key, u))
                continue;
            Group(UsersByOwner, u.Row.Owner, key);
            if (u.Row.PackageName is { } name && u.Row.PackageOwner is { } owner)
                Group(UsersByPackage, RecordKey.Package(owner, name).Id, key);
            AccountOfUsername.TryAdd(u.Row.Username, u.AccountId);
        }

        foreach (var d in s.Domains)
        {
            if (Add(Domains, RecordKey.Domain(d.DomainId), d))
                Group(DomainsByOwner, d.Row.Owner, RecordKey.Domain(d.DomainId));
        }

        foreach (var d in s.DbUsers)
        {
            if (Add(DbUsers, RecordKey.DbUser(d.DbUser), d))
                Group(DbUsersByOwner, d.Owner, RecordKey.DbUser(d.DbUser));
        }

        foreach (var p in s.Php)
            Add(Php, RecordKey.Php(p.Identifier), p);
    }

    public Dictionary<RecordKey, AdminRow> Admins { get; } = [];

    public Dictionary<RecordKey, ResellerRow> Resellers { get; } = [];

    public Dictionary<RecordKey, PackageRow> Packages { get; } = [];

    public Dictionary<RecordKey, SourceUser> Users { get; } = [];

    public Dictionary<RecordKey, SourceDomain> Domains { get; } = [];

    public Dictionary<RecordKey, DbUserRow> DbUsers { get; } = [];

    public Dictionary<RecordKey, PhpVersionRow> Php { get; } = [];

    /// <summary>Keys that more than one row of the snapshot has.</summary>
    public HashSet<RecordKey> Duplicates { get; } = [];

    public Dictionary<string, List<RecordKey>> PackagesByOwner { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<RecordKey>> UsersByOwner { get; } = new(StringComparer.Ordinal);

    /// <summary>Accounts by the <see cref="RecordKey.Id"/> of their package's key.</summary>
    public Dictionary<string, List<RecordKey>> UsersByPackage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<RecordKey>> DomainsByOwner { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<RecordKey>> DbUsersByOwner { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> AccountOfUsername { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the key holds any record of this snapshot.</summary>
    public bool Has(RecordKey key) => key.Kind switch
    {
        RecordKind.Admin => Admins.ContainsKey(key),
        RecordKind.Reseller => Resellers.ContainsKey(key),
        RecordKind.Package => Packages.ContainsKey(key),
        RecordKind.User => Users.ContainsKey(key),
        RecordKind.Domain => Domains.ContainsKey(key),
        RecordKind.DbUser => DbUsers.ContainsKey(key),
        _ => Php.ContainsKey(key),
    };

    /// <summary>The keys of every record of one kind.</summary>
    public IEnumerable<RecordKey> Keys(RecordKind kind) => kind switch
    {
        RecordKind.Admin => Admins.Keys,
        RecordKind.Reseller => Resellers.Keys,
        RecordKind.Package => Packages.Keys,
        RecordKind.User => Users.Keys,
        RecordKind.Domain => Domains.Keys,
        RecordKind.DbUser => DbUsers.Keys,
        _ => Php.Keys,
    };

    /// <summary>The record of a key as a reader names it, or null when the snapshot has none.</summary>
    public string? Row(RecordKey key) => key.Kind switch
    {
        RecordKind.Admin => Admins.TryGetValue(key, out var a) ? RecordLabels.Row(a) : null,
        RecordKind.Reseller => Resellers.TryGetValue(key, out var r) ? RecordLabels.Row(r) : null,
        RecordKind.Package => Packages.TryGetValue(key, out var p) ? RecordLabels.Row(p) : null,
        RecordKind.User => Users.TryGetValue(key, out var u) ? RecordLabels.Row(u) : null,
        RecordKind.Domain => Domains.TryGetValue(key, out var d) ? RecordLabels.Row(d) : null,
        RecordKind.DbUser => DbUsers.TryGetValue(key, out var b) ? RecordLabels.Row(b) : null,
        _ => Php.TryGetValue(key, out var v) ? RecordLabels.Row(v) : null,
    };

    private bool Add<T>(Dictionary<RecordKey, T> map, RecordKey key, T row)
    {
        if (map.TryAdd(key, row))
            return true;
        Duplicates.Add(key);
        return false;
    }

    private static void Group(Dictionary<string, List<RecordKey>> map, string name, RecordKey key)
    {
        if (!map.TryGetValue(name, out var list))
            map[name] = list = [];
        list.Add(key);
    }

    public static IEnumerable<RecordKey> Of(Dictionary<string, List<RecordKey>> map, string? name) =>
        name is not null && map.TryGetValue(name, out var list) ? list : [];
}
