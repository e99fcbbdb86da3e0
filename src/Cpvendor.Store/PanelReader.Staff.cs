using System.Text;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    private bool? hasListedStaff;

    /// <summary>
    /// The rows the users script lists (docs/contract.md section 3, decision): every account, and
    /// every administrator and reseller that has a UNIX account hosting no account of its own: under
    /// its UNIX name and uid, with the server's host name as domain, no package, and itself as owner.
    /// Several administrators sharing one UNIX user list it once (the first by name); root (uid 0)
    /// is never listed. Columns: uid, username, owner, domain, package_name, package_owner, email,
    /// locale_code, as a table aliased <c>u</c>.
    /// </summary>
    private string ListedUsers(bool withDomain)
    {
        var accounts = withDomain
            ? "SELECT x.uid, x.username, x.owner, d.name AS domain, x.package_name, x.package_owner, x.email, x.locale_code FROM users x LEFT JOIN domains d ON d.owner = x.username AND d.is_main = 1"
            : "SELECT x.uid, x.username, x.owner, NULL AS domain, x.package_name, x.package_owner, x.email, x.locale_code FROM users x";
        if (!HasListedStaff())
            return "(" + accounts + ") u";
        var host = withDomain ? HostNameSql() : "NULL";
        return $"""
            ({accounts}
            UNION ALL
            SELECT a.unix_uid, a.unix_user, min(a.name), {host}, NULL, NULL, a.email, a.locale_code FROM admins a
            WHERE a.unix_user IS NOT NULL AND a.unix_uid > 0 AND NOT EXISTS (SELECT 1 FROM users h WHERE h.uid = a.unix_uid)
            GROUP BY a.unix_user
            UNION ALL
            SELECT r.unix_uid, r.name, r.name, {host}, NULL, NULL, r.email, r.locale_code FROM resellers r
            WHERE r.unix_uid > 0 AND NOT EXISTS (SELECT 1 FROM users h WHERE h.uid = r.unix_uid)
              AND NOT EXISTS (SELECT 1 FROM admins s WHERE s.unix_uid = r.unix_uid AND s.unix_user IS NOT NULL)) u
            """;
    }

    /// <summary>Whether any administrator or reseller has a UNIX account to list (two tiny reads, once per reader).</summary>
    private bool HasListedStaff() =>
        hasListedStaff ??= Exists("SELECT 1 FROM admins WHERE unix_uid > 0 AND unix_user IS NOT NULL UNION ALL SELECT 1 FROM resellers WHERE unix_uid > 0");

    /// <summary>The panel's host_name setting, or this machine's name when it is unset.</summary>
    private static string HostNameSql()
    {
        var machine = Environment.MachineName.ToLowerInvariant();
        var literal = new StringBuilder();
        foreach (var c in machine)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.')
                literal.Append(c);
        }

        var fallback = literal.Length == 0 ? "localhost" : literal.ToString();
        return $"COALESCE((SELECT host_name FROM panel WHERE id = 1), '{fallback}')";
    }
}
