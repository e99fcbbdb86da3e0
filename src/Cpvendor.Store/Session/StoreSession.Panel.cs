using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>The panel rows the store serves, whole: the "before" a sync compares the panel's new data with.</summary>
public sealed partial class StoreSession
{
    public StoredPanel PanelRows() =>
        new(
            Rows("SELECT name, unix_user, email, locale_code, is_main FROM admins", r =>
                new AdminRow(r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3), r.GetInt64(4) != 0)),
            Rows("SELECT name, reseller_id, email, locale_code FROM resellers", r =>
                new ResellerRow(r.GetString(0), Number(r, 1), Text(r, 2), r.GetString(3))),
            Rows("SELECT owner, name FROM packages", r => new PackageRow(r.GetString(0), r.GetString(1))),
            Rows("SELECT account_id, username, uid, owner, package_owner, package_name, email, locale_code, home FROM users", r =>
                (Text(r, 0) ?? "", new UserRow(r.GetString(1), (uint)r.GetInt64(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), r.GetString(7), r.GetString(8)))),
            Rows("SELECT domain_id, name, owner, document_root, is_main, php_version_id, handler FROM domains", r =>
                (Text(r, 0) ?? "", new DomainRow(r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, Text(r, 5), Text(r, 6)))),
            Rows("SELECT db_user, owner FROM db_users", r => new DbUserRow(r.GetString(0), r.GetString(1))),
            Rows("SELECT identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service FROM php_versions", r =>
                new PhpVersionRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetInt64(7) != 0, Text(r, 8))));

    /// <summary>How many accounts and domains the store holds.</summary>
    public (int Users, int Domains) Counts() =>
        Rows("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM domains)", r => (r.GetInt32(0), r.GetInt32(1))).Single();
}
