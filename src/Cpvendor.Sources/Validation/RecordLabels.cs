using Cpvendor.Panel.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Validation;

/// <summary>
/// How a rejected record is named in <c>sync --status</c>, the doctor and the sync's output: where the
/// source keeps that kind of record (a view, a panel table, Virtualmin's files) and the record by
/// its name and id, printable whatever the panel holds.
/// </summary>
internal sealed class RecordLabels(SourceKind source)
{
    public string Of(RecordKind kind) => (source, kind) switch
    {
        (SourceKind.Virtualmin, RecordKind.Admin) => "virtualmin admin",
        (SourceKind.Virtualmin, RecordKind.Reseller) => "virtualmin reseller",
        (SourceKind.Virtualmin, RecordKind.Package) => "virtualmin plans",
        (SourceKind.Virtualmin, RecordKind.User or RecordKind.Domain) => "virtualmin domains",
        (SourceKind.Virtualmin, RecordKind.DbUser) => "virtualmin mysql_user",
        (SourceKind.Virtualmin, _) => "php versions",
        (SourceKind.IspConfig, RecordKind.Admin) => "sys_user",
        (SourceKind.IspConfig, RecordKind.Reseller) => "client",
        (SourceKind.IspConfig, RecordKind.Package) => "client_template",
        (SourceKind.IspConfig, RecordKind.User or RecordKind.Domain) => "web_domain",
        (SourceKind.IspConfig, RecordKind.DbUser) => "web_database_user",
        (SourceKind.IspConfig, _) => "server_php",
        (_, RecordKind.Admin) => "cpvendor_admins",
        (_, RecordKind.Reseller) => "cpvendor_resellers",
        (_, RecordKind.Package) => "cpvendor_packages",
        (_, RecordKind.User) => "cpvendor_users",
        (_, RecordKind.Domain) => "cpvendor_domains",
        (_, RecordKind.DbUser) => "cpvendor_db_users",
        _ => "cpvendor_php",
    };

    /// <summary>A record known only by its key (its row could not be read whole).</summary>
    public static string Row(RecordKey key) => key.Kind switch
    {
        RecordKind.User => $"(account_id {Names.Show(key.Id)})",
        RecordKind.Domain => $"(domain_id {Names.Show(key.Id)})",
        RecordKind.Package when key.Id.Split('\u0000') is [var owner, var name] => $"{Names.Show(name)} of {Names.Show(owner)}",
        _ => Names.Show(key.Id),
    };

    public static string Row(AdminRow a) => Names.Show(a.Name);

    public static string Row(ResellerRow r) => Names.Show(r.Name);

    public static string Row(PackageRow p) => $"{Names.Show(p.Name)} of {Names.Show(p.Owner)}";

    public static string Row(SourceUser u) => $"{Names.Show(u.Row.Username)} (account_id {Names.Show(u.AccountId)})";

    public static string Row(SourceDomain d) => $"{Names.Show(d.Row.Name)} (domain_id {Names.Show(d.DomainId)})";

    public static string Row(DbUserRow d) => Names.Show(d.DbUser);

    public static string Row(PhpVersionRow p) => Names.Show(p.Identifier);
}
