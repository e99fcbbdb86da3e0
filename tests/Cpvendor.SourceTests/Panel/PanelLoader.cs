using System.Data.Common;
using Cpvendor.Sources;
using Cpvendor.Sources.Storage;
using Cpvendor.Store;

namespace Cpvendor.SourceTests.Panel;

/// <summary>
/// Copies a panel from a SQLite store into the panel schema of a database, giving each account and
/// domain a stable id (its position + 1) and each account a server from <paramref name="serverOf"/>.
/// </summary>
public static class PanelLoader
{
    private const int Batch = 400;

    public static PanelSnapshot ReadStore(string storePath)
    {
        using var connection = PanelStore.OpenForRead(storePath);
        return LocalSnapshot.Read(connection);
    }

    public static void Load(PanelDatabase database, PanelSnapshot panel, Func<int, string?>? serverOf = null, IReadOnlyList<string>? servers = null)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        var serverIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in servers ?? [])
        {
            serverIds[name] = serverIds.Count + 1;
            Insert(connection, transaction, "panel_servers (id, hostname)", [[serverIds[name], name]]);
        }

        Insert(connection, transaction, "panel_staff (id, login, system_user, email, lang, is_owner)",
            panel.Admins.Select((a, i) => new object?[] { i + 1, a.Name, a.UnixUser, a.Email, a.LocaleCode, a.IsMain }));
        Insert(connection, transaction, "panel_resellers (id, login, lve_id, email, lang)",
            panel.Resellers.Select((r, i) => new object?[] { i + 1, r.Name, r.ResellerId, r.Email, r.LocaleCode }));
        var plans = panel.Packages.Select((p, i) => (p, Id: i + 1)).ToDictionary(x => (x.p.Owner, x.p.Name), x => x.Id);
        Insert(connection, transaction, "panel_plans (id, title, owner_login)", plans.Select(p => new object?[] { p.Value, p.Key.Name, p.Key.Owner }));

        var accounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<object?[]>();
        for (var i = 0; i < panel.Users.Count; i++)
        {
            var u = panel.Users[i].Row;
            var id = int.TryParse(panel.Users[i].AccountId, out var given) ? given : i + 1;
            accounts[u.Username] = id;
            var server = serverOf?.Invoke(i);
            rows.Add([id, u.Username, (long)u.Uid, u.Owner, u.PackageName is null ? null : plans[(u.PackageOwner!, u.PackageName)],
                u.Email, u.LocaleCode, u.Home, server is null ? null : serverIds[server]]);
        }

        Insert(connection, transaction, "panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id)", rows);
        Insert(connection, transaction, "panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler)",
            panel.Domains.Select((d, i) => new object?[]
            {
                int.TryParse(d.DomainId, out var given) ? given : i + 1, accounts[d.Row.Owner], d.Row.Name, d.Row.DocumentRoot, d.Row.IsMain, d.Row.PhpVersionId, d.Row.Handler,
            }));
        Insert(connection, transaction, "panel_db_logins (id, account_id, login)",
            panel.DbUsers.Select((d, i) => new object?[] { i + 1, accounts[d.Owner], d.DbUser }));
        Insert(connection, transaction, "panel_php (code, version, prefix, modules_dir, binary_path, ini_file, scan_dir, native, fpm_unit)",
            panel.Php.Select(p => new object?[] { p.Identifier, p.Version, p.Dir, p.ModulesDir, p.Bin, p.Ini, p.IniScanDir, p.IsNative, p.FpmService }));
        transaction.Commit();
    }

    private static void Insert(DbConnection connection, DbTransaction transaction, string target, IEnumerable<object?[]> rows)
    {
        foreach (var chunk in rows.Chunk(Batch))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = new List<string>();
            var n = 0;
            foreach (var row in chunk)
            {
                var names = new List<string>();
                foreach (var value in row)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + n++;
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    names.Add(parameter.ParameterName);
                }

                values.Add("(" + string.Join(", ", names) + ")");
            }

            command.CommandText = $"INSERT INTO {target} VALUES {string.Join(", ", values)}";
            command.ExecuteNonQuery();
        }
    }
}
