using System.Globalization;
using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// What a sync from a panel's own database writes: the whole panel replaced in this transaction,
/// users and domains keeping the panel's stable ids, and the source's state.
/// </summary>
public sealed partial class PanelWriter
{
    /// <summary>Replaces every panel row; readers see the old panel or the new one, never a mix.</summary>
    public void ReplacePanel(
        IReadOnlyList<PhpVersionRow> php,
        IReadOnlyList<AdminRow> admins,
        IReadOnlyList<ResellerRow> resellers,
        IReadOnlyList<PackageRow> packages,
        IReadOnlyList<(string AccountId, UserRow Row)> users,
        IReadOnlyList<(string DomainId, DomainRow Row)> domains,
        IReadOnlyList<DbUserRow> dbUsers,
        Func<AdminRow, long?>? adminUnixUid = null,
        Func<ResellerRow, long?>? resellerUnixUid = null)
    {
        StoreFailure.Guard(() => ReplacePanelRows(php, admins, resellers, packages, users, domains, dbUsers, adminUnixUid, resellerUnixUid), connection);
    }

    private void ReplacePanelRows(
        IReadOnlyList<PhpVersionRow> php,
        IReadOnlyList<AdminRow> admins,
        IReadOnlyList<ResellerRow> resellers,
        IReadOnlyList<PackageRow> packages,
        IReadOnlyList<(string AccountId, UserRow Row)> users,
        IReadOnlyList<(string DomainId, DomainRow Row)> domains,
        IReadOnlyList<DbUserRow> dbUsers,
        Func<AdminRow, long?>? adminUnixUid,
        Func<ResellerRow, long?>? resellerUnixUid)
    {
        // Administrators and resellers have no stable id in the views: one that keeps its name keeps
        // the store's identity id (and the ui tokens issued for it); a new name gets a new one (a
        // trigger fills it). Their UNIX accounts' uids are resolved by the caller (docs/contract.md section 3).
        var adminIds = IdentityIds("admins");
        var resellerIds = IdentityIds("resellers");
        foreach (var table in new[] { "db_users", "domains", "users", "packages", "resellers", "admins", "php_versions" })
            Execute($"DELETE FROM {table}");

        InsertAll("php_versions (identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service)", php, p =>
            [p.Identifier, p.Version, p.ModulesDir, p.Dir, p.Bin, p.Ini, p.IniScanDir, p.IsNative is { } n ? (n ? 1 : 0) : null, p.FpmService]);
        InsertAll("admins (name, unix_user, email, locale_code, is_main, unix_uid, identity_id)", admins, a =>
            [a.Name, a.UnixUser, a.Email, a.LocaleCode, a.IsMain ? 1 : 0, adminUnixUid?.Invoke(a), adminIds.GetValueOrDefault(a.Name)]);
        InsertAll("resellers (name, reseller_id, email, locale_code, unix_uid, identity_id)", resellers, r =>
            [r.Name, r.ResellerId, r.Email, r.LocaleCode, resellerUnixUid?.Invoke(r), resellerIds.GetValueOrDefault(r.Name)]);
        InsertAll("packages (owner, name)", packages, p => [p.Owner, p.Name]);
        InsertAll("users (account_id, username, uid, owner, package_owner, package_name, email, locale_code, home)", users, u =>
            [u.AccountId, u.Row.Username, (long)u.Row.Uid, u.Row.Owner, u.Row.PackageOwner, u.Row.PackageName, u.Row.Email, u.Row.LocaleCode, u.Row.Home]);
        InsertAll("domains (domain_id, name, owner, document_root, is_main, php_version_id, handler)", domains, d =>
            [d.DomainId, d.Row.Name, d.Row.Owner, d.Row.DocumentRoot, d.Row.IsMain ? 1 : 0, d.Row.PhpVersionId, d.Row.Handler]);
        InsertAll("db_users (db_user, owner)", dbUsers, d => [d.DbUser, d.Owner]);
    }

    private Dictionary<string, string> IdentityIds(string table)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT name, identity_id FROM {table} WHERE identity_id IS NOT NULL";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            ids[reader.GetString(0)] = reader.GetString(1);
        return ids;
    }

    /// <summary>Stamps a successful sync at <paramref name="now"/> (Unix seconds) and clears the last error.</summary>
    public void RecordGoodSync(long now) =>
        Execute("UPDATE source SET last_good_sync = $t, last_attempt = $t, last_error = NULL WHERE id = 1", ("$t", now));

    /// <summary>Points the store at its source of truth (the secret lives in its own file, not here).</summary>
    public void SetSource(string kind, string? server, long? maxAgeSeconds, bool deriveHooks) =>
        // A new source starts with no marker and no unmapped or rejected records: its first sync reads it whole.
        Execute("UPDATE source SET kind = $k, server = $s, max_age_seconds = $m, derive_hooks = $h, change_marker = NULL, unmapped = NULL, rejected = NULL WHERE id = 1",
            ("$k", kind), ("$s", server), ("$m", maxAgeSeconds), ("$h", deriveHooks ? 1 : 0));

    /// <summary>Inserts many rows through one prepared statement, rebound per row.</summary>
    private void InsertAll<T>(string target, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        var columns = target[(target.IndexOf('(', StringComparison.Ordinal) + 1)..target.IndexOf(')', StringComparison.Ordinal)].Split(',').Length;
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = Enumerable.Range(0, columns).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        command.CommandText = $"INSERT INTO {target} VALUES ({string.Join(", ", names)})";
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n, Value = DBNull.Value })).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            var v = values(row);
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = v[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
