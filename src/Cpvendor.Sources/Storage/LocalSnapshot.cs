using Cpvendor.Store;

namespace Cpvendor.Sources.Storage;

/// <summary>What the store serves now, with the stable ids of the last sync: the "before" of a diff.</summary>
internal static class LocalSnapshot
{
    public static PanelSnapshot Read(StoreSession store)
    {
        var rows = store.PanelRows();
        return new PanelSnapshot(
            rows.Admins,
            rows.Resellers,
            rows.Packages,
            [.. rows.Users.Select(u => new SourceUser(u.AccountId, u.Row))],
            [.. rows.Domains.Select(d => new SourceDomain(d.DomainId, d.Row))],
            rows.DbUsers,
            rows.Php);
    }
}
