namespace Cpvendor.Store.Model;

/// <summary>Every panel row the store serves, accounts and domains with the stable ids a sync gave them ("" when none).</summary>
public sealed record StoredPanel(
    IReadOnlyList<AdminRow> Admins,
    IReadOnlyList<ResellerRow> Resellers,
    IReadOnlyList<PackageRow> Packages,
    IReadOnlyList<(string AccountId, UserRow Row)> Users,
    IReadOnlyList<(string DomainId, DomainRow Row)> Domains,
    IReadOnlyList<DbUserRow> DbUsers,
    IReadOnlyList<PhpVersionRow> Php);
