using Cpvendor.Store.Model;

namespace Cpvendor.Sources;

/// <summary>An account as a source lists it: the panel's stable id plus the row the store keeps.</summary>
public sealed record SourceUser(string AccountId, UserRow Row);

/// <summary>A domain as a source lists it: the panel's stable id plus the row the store keeps.</summary>
public sealed record SourceDomain(string DomainId, DomainRow Row);

/// <summary>
/// Everything one host serves, read in one consistent pass: the shared entities (admins, resellers,
/// packages, PHP versions) and this host's slice of accounts, domains and database users.
/// </summary>
public sealed record PanelSnapshot(
    IReadOnlyList<AdminRow> Admins,
    IReadOnlyList<ResellerRow> Resellers,
    IReadOnlyList<PackageRow> Packages,
    IReadOnlyList<SourceUser> Users,
    IReadOnlyList<SourceDomain> Domains,
    IReadOnlyList<DbUserRow> DbUsers,
    IReadOnlyList<PhpVersionRow> Php);
