using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Sources.Storage;

/// <summary>What the store serves now, with the stable ids of the last sync: the "before" of a diff.</summary>
internal static class LocalSnapshot
{
    public static PanelSnapshot Read(SqliteConnection store)
    {
        return new PanelSnapshot(
            Rows(store, "SELECT name, unix_user, email, locale_code, is_main FROM admins", r =>
                new AdminRow(r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3), r.GetInt64(4) != 0)),
            Rows(store, "SELECT name, reseller_id, email, locale_code FROM resellers", r =>
                new ResellerRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1), Text(r, 2), r.GetString(3))),
            Rows(store, "SELECT owner, name FROM packages", r => new PackageRow(r.GetString(0), r.GetString(1))),
            Rows(store, "SELECT account_id, username, uid, owner, package_owner, package_name, email, locale_code, home FROM users", r =>
                new SourceUser(Text(r, 0) ?? "", new UserRow(r.GetString(1), (uint)r.GetInt64(2), r.GetString(3), Text(r, 4), Text(r, 5), Text(r, 6), r.GetString(7), r.GetString(8)))),
            Rows(store, "SELECT domain_id, name, owner, document_root, is_main, php_version_id, handler FROM domains", r =>
                new SourceDomain(Text(r, 0) ?? "", new DomainRow(r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, Text(r, 5), Text(r, 6)))),
            Rows(store, "SELECT db_user, owner FROM db_users", r => new DbUserRow(r.GetString(0), r.GetString(1))),
            Rows(store, "SELECT identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service FROM php_versions", r =>
                new PhpVersionRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                    r.IsDBNull(7) ? null : r.GetInt64(7) != 0, Text(r, 8))));
    }

    private static List<T> Rows<T>(SqliteConnection store, string sql, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var command = store.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add(map(reader));
        return rows;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
