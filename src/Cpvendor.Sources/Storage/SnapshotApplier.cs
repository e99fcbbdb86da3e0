using Cpvendor.Panel;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Sources.Storage;

/// <summary>
/// Writes a sync into the store in one SQLite transaction: the panel rows of a validated snapshot
/// (when given), the sync state, the hook events to deliver and the effects to carry out (the
/// lifecycle's outbox, docs/contract.md section 5). Readers see the old data or the new, never a mix, and
/// a crash loses neither the change nor its events. Statements are prepared once and rebound per row.
/// </summary>
internal static class SnapshotApplier
{
    public static void Apply(SqliteConnection store, PanelSnapshot? replace, long now, IReadOnlyList<HookEvent> events, IReadOnlyList<PanelEffect> effects)
    {
        using var writer = new PanelWriter(store);
        if (replace is { } s)
            Replace(writer, s);
        writer.Execute("UPDATE source SET last_good_sync = $t, last_attempt = $t, last_error = NULL WHERE id = 1", ("$t", now));
        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        foreach (var effect in effects)
            HookOutbox.RecordEffect(writer, effect);
        writer.Commit();
    }

    /// <summary>Stores events alone (the pre hooks, which must run before the data changes).</summary>
    public static void Enqueue(SqliteConnection store, IReadOnlyList<HookEvent> events)
    {
        using var writer = new PanelWriter(store);
        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        writer.Commit();
    }

    private static void Replace(PanelWriter writer, PanelSnapshot s)
    {
        foreach (var table in new[] { "db_users", "domains", "users", "packages", "resellers", "admins", "php_versions" })
            writer.Execute($"DELETE FROM {table}");

        Insert(writer, "php_versions (identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service)", s.Php, p =>
            [p.Identifier, p.Version, p.ModulesDir, p.Dir, p.Bin, p.Ini, p.IniScanDir, p.IsNative is { } n ? (n ? 1 : 0) : null, p.FpmService]);
        Insert(writer, "admins (name, unix_user, email, locale_code, is_main)", s.Admins, a =>
            [a.Name, a.UnixUser, a.Email, a.LocaleCode, a.IsMain ? 1 : 0]);
        Insert(writer, "resellers (name, reseller_id, email, locale_code)", s.Resellers, r =>
            [r.Name, r.ResellerId, r.Email, r.LocaleCode]);
        Insert(writer, "packages (owner, name)", s.Packages, p => [p.Owner, p.Name]);
        Insert(writer, "users (account_id, username, uid, owner, package_owner, package_name, email, locale_code, home)", s.Users, u =>
            [u.AccountId, u.Row.Username, (long)u.Row.Uid, u.Row.Owner, u.Row.PackageOwner, u.Row.PackageName, u.Row.Email, u.Row.LocaleCode, u.Row.Home]);
        Insert(writer, "domains (domain_id, name, owner, document_root, is_main, php_version_id, handler)", s.Domains, d =>
            [d.DomainId, d.Row.Name, d.Row.Owner, d.Row.DocumentRoot, d.Row.IsMain ? 1 : 0, d.Row.PhpVersionId, d.Row.Handler]);
        Insert(writer, "db_users (db_user, owner)", s.DbUsers, d => [d.DbUser, d.Owner]);
    }

    private static void Insert<T>(PanelWriter writer, string target, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        var columns = target[(target.IndexOf('(', StringComparison.Ordinal) + 1)..target.IndexOf(')', StringComparison.Ordinal)].Split(',').Length;
        using var command = writer.Connection.CreateCommand();
        command.Transaction = writer.Transaction;
        var names = Enumerable.Range(0, columns).Select(i => "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
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
