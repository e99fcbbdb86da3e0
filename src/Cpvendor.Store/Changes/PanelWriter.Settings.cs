using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>The panel's own settings and PHP versions a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    /// <summary>The panel row as this transaction sees it (defaults when the store has none yet; revision not read).</summary>
    public PanelSettings Settings() =>
        Rows("SELECT name, version, user_login_url, default_php, default_handler, allow_duplicate_uids FROM panel WHERE id = 1", reader =>
            new PanelSettings(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt64(5) != 0, 0))
        .FirstOrDefault() ?? new PanelSettings("cpvendor", "1.0.0", null, null, "fpm", false, 0);

    /// <summary>How many domains use PHP version <paramref name="identifier"/>.</summary>
    public long DomainsUsingPhp(string identifier) => Count("SELECT count(*) FROM domains WHERE php_version_id = $p", ("$p", identifier));

    public bool IsDefaultPhp(string identifier) => Exists("SELECT 1 FROM panel WHERE default_php = $p", ("$p", identifier));

    public void DeletePhp(string identifier) => Execute("DELETE FROM php_versions WHERE identifier = $p", ("$p", identifier));

    /// <summary>Takes the native mark from every PHP version that has it (before another one is made the native PHP); returns how many lost it.</summary>
    public int ClearNativePhp() => Execute("UPDATE php_versions SET is_native = 0 WHERE is_native = 1");
}
