using Cpvendor.Panel.Validation;

namespace Cpvendor.Sources.Validation;

internal sealed partial class Admission
{
    /// <summary>
    /// The rejected records and everything that depends on them, each with why it is held (null for
    /// a record rejected itself): a reseller's packages and accounts, a package's accounts, an
    /// account's domains and database users, in the versions read and the versions served alike.
    /// An administrator holds nothing back: it only has to exist for what it owns.
    /// </summary>
    private Dictionary<RecordKey, string?> Closure()
    {
        var held = rejected.Keys.ToDictionary(k => k, _ => (string?)null);
        IEnumerable<RecordKey> Both(Func<SnapshotIndex, Dictionary<string, List<RecordKey>>> map, string name) =>
            SnapshotIndex.Of(map(fresh), name).Concat(SnapshotIndex.Of(map(served), name));

        // A row whose id could not be read may be any served record of its kind gone from the read.
        foreach (var kind in unidentified)
        {
            foreach (var key in served.Keys(kind).Where(k => !fresh.Has(k)))
                held.TryAdd(key, "missing from the rows read, but a row of its kind could not be read, so it is not taken as deleted");
        }

        foreach (var reseller in held.Keys.Where(k => k.Kind == RecordKind.Reseller).ToList())
        {
            var why = $"its reseller '{Names.Show(reseller.Id)}' is not accepted";
            foreach (var key in Both(i => i.PackagesByOwner, reseller.Id).Concat(Both(i => i.UsersByOwner, reseller.Id)))
                held.TryAdd(key, why);
        }

        foreach (var package in held.Keys.Where(k => k.Kind == RecordKind.Package).ToList())
        {
            var parts = package.Id.Split('\u0000');
            var why = $"its package '{Names.Show(parts[1])}' of '{Names.Show(parts[0])}' is not accepted";
            foreach (var key in Both(i => i.UsersByPackage, package.Id))
                held.TryAdd(key, why);
        }

        foreach (var account in held.Keys.Where(k => k.Kind == RecordKind.User).ToList())
        {
            // Domains name their owner by username: the name read counts unless another served account holds it.
            var read = fresh.Users.GetValueOrDefault(account)?.Row.Username;
            if (read is not null && served.AccountOfUsername.TryGetValue(read, out var holder) && holder != account.Id)
                read = null;
            var names = new[] { read, served.Users.GetValueOrDefault(account)?.Row.Username }
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var why = $"its account '{Names.Show(names.LastOrDefault() ?? account.Id)}' (account_id {Names.Show(account.Id)}) is not accepted";
            foreach (var name in names)
            {
                foreach (var key in Both(i => i.DomainsByOwner, name).Concat(Both(i => i.DbUsersByOwner, name)))
                    held.TryAdd(key, why);
            }
        }

        return held;
    }
}
