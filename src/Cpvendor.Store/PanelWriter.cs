using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Row-level writes inside one transaction, and the reads a change makes through that same
/// transaction, one named operation each (the partials under <c>Changes/</c>, one per entity).
/// Validation of panel rules lives with the lifecycle operations; this type only persists and bumps
/// the store revision on commit. Its connection and transaction never leave this library, and SQLite's failures leave it as
/// <see cref="Core.CpvendorException"/>.
/// </summary>
public sealed partial class PanelWriter : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private bool committed;

    /// <summary>The connection and transaction, for the store's own query classes only (never handed out of the store).</summary>
    internal SqliteConnection Connection => connection;

    internal SqliteTransaction Transaction => transaction;

    /// <summary>Begins a change on <paramref name="store"/>: its write lock is held from here until commit or dispose.</summary>
    public PanelWriter(StoreSession store)
        : this((store ?? throw new ArgumentNullException(nameof(store))).Connection)
    {
    }

    private PanelWriter(SqliteConnection connection)
    {
        this.connection = connection;
        transaction = StoreFailure.Guard(() => connection.BeginTransaction(deferred: false), connection);
    }

    public void SetPanel(string name, string version, string? userLoginUrl, string? defaultPhp, string defaultHandler, bool allowDuplicateUids) =>
        Execute(
            """
            INSERT INTO panel (id, name, version, user_login_url, default_php, default_handler, allow_duplicate_uids)
            VALUES (1, $name, $version, $url, $php, $handler, $dup)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version,
                user_login_url = excluded.user_login_url, default_php = excluded.default_php,
                default_handler = excluded.default_handler, allow_duplicate_uids = excluded.allow_duplicate_uids
            """,
            ("$name", name), ("$version", version), ("$url", userLoginUrl), ("$php", defaultPhp),
            ("$handler", defaultHandler), ("$dup", allowDuplicateUids ? 1 : 0));

    public void SetFeature(string name, bool enabled) =>
        Execute("INSERT INTO features (name, enabled) VALUES ($n, $e) ON CONFLICT (name) DO UPDATE SET enabled = excluded.enabled",
            ("$n", name), ("$e", enabled ? 1 : 0));

    public void Insert(AdminRow row) =>
        Execute("INSERT INTO admins (name, unix_user, email, locale_code, is_main) VALUES ($n, $u, $e, $l, $m)",
            ("$n", row.Name), ("$u", row.UnixUser), ("$e", row.Email), ("$l", row.LocaleCode), ("$m", row.IsMain ? 1 : 0));

    public void Insert(ResellerRow row) =>
        Execute("INSERT INTO resellers (name, reseller_id, email, locale_code) VALUES ($n, $i, $e, $l)",
            ("$n", row.Name), ("$i", row.ResellerId), ("$e", row.Email), ("$l", row.LocaleCode));

    public void Insert(PackageRow row) =>
        Execute("INSERT INTO packages (owner, name) VALUES ($o, $n)", ("$o", row.Owner), ("$n", row.Name));

    public void Insert(UserRow row) =>
        Execute(
            """
            INSERT INTO users (username, uid, owner, package_owner, package_name, email, locale_code, home)
            VALUES ($u, $id, $o, $po, $pn, $e, $l, $h)
            """,
            ("$u", row.Username), ("$id", (long)row.Uid), ("$o", row.Owner), ("$po", row.PackageOwner),
            ("$pn", row.PackageName), ("$e", row.Email), ("$l", row.LocaleCode), ("$h", row.Home));

    public void Insert(DomainRow row) =>
        Execute(
            "INSERT INTO domains (name, owner, document_root, is_main, php_version_id, handler) VALUES ($n, $o, $d, $m, $p, $h)",
            ("$n", row.Name), ("$o", row.Owner), ("$d", row.DocumentRoot), ("$m", row.IsMain ? 1 : 0),
            ("$p", row.PhpVersionId), ("$h", row.Handler));

    public void Insert(DbUserRow row) =>
        Execute("INSERT INTO db_users (db_user, owner) VALUES ($d, $o)", ("$d", row.DbUser), ("$o", row.Owner));

    public void Insert(PhpVersionRow row) =>
        Execute(
            """
            INSERT INTO php_versions (identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service)
            VALUES ($id, $v, $m, $d, $b, $i, $s, $n, $f)
            """,
            ("$id", row.Identifier), ("$v", row.Version), ("$m", row.ModulesDir), ("$d", row.Dir), ("$b", row.Bin),
            ("$i", row.Ini), ("$s", row.IniScanDir), ("$n", row.IsNative is { } n ? (n ? 1 : 0) : null), ("$f", row.FpmService));

    /// <summary>Runs one statement in this transaction; returns the number of rows changed. For this library's own operations only.</summary>
    internal int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        Statements.Execute(connection, transaction, sql, parameters);

    public void Commit()
    {
        Execute("UPDATE panel SET revision = revision + 1 WHERE id = 1");
        StoreFailure.Guard(transaction.Commit, connection);
        committed = true;
    }

    public void Dispose()
    {
        try
        {
            if (!committed)
                StoreFailure.Guard(transaction.Rollback, connection);
        }
        finally
        {
            transaction.Dispose();
        }
    }
}
