using System.Text.Json;
using Cpvendor.Store.Model;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>The account a source knows by its stable id (a synced store's <c>account_id</c>); null when none has it.</summary>
    public (string Username, uint Uid)? AccountById(string accountId) => StoreFailure.Guard(() => AccountByIdUnguarded(accountId), connection);

    private (string Username, uint Uid)? AccountByIdUnguarded(string accountId)
    {
        using var command = Command("SELECT username, uid FROM users WHERE account_id = $id", ("$id", accountId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), (uint)reader.GetInt64(1)) : null;
    }

    /// <summary>
    /// The accounts whose pre-delete hook was queued since <paramref name="sinceUnix"/> and has no
    /// post-delete hook after it: their deletion was announced ahead of the change (by a panel's
    /// pre-change command) and is not finished in the store yet.
    /// </summary>
    public IReadOnlySet<string> DeletionsAnnouncedAhead(long sinceUnix) => StoreFailure.Guard(() => DeletionsAnnouncedAheadUnguarded(sinceUnix), connection);

    private HashSet<string> DeletionsAnnouncedAheadUnguarded(long sinceUnix)
    {
        using var command = Command(
            """
            SELECT p.args FROM hook_events p
            WHERE p.script = 'pre_modify_user.py' AND p.created_at >= $since
              AND NOT EXISTS (SELECT 1 FROM hook_events q
                              WHERE q.script = 'post_modify_user.py' AND q.id > p.id AND q.args = p.args)
            """,
            ("$since", sinceUnix));
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var args = JsonSerializer.Deserialize(reader.GetString(0), StoreJsonContext.Default.StringArray);
            if (args is ["delete", "--username", var name])
                names.Add(name);
        }

        return names;
    }

    /// <summary>The PHP versions as the store keeps them (every column), in identifier order.</summary>
    public IReadOnlyList<PhpVersionRow> PhpVersionRows() => StoreFailure.Guard(() => PhpVersionRowsUnguarded(), connection);

    private List<PhpVersionRow> PhpVersionRowsUnguarded()
    {
        using var command = Command("SELECT identifier, version, modules_dir, dir, bin, ini, ini_scan_dir, is_native, fpm_service FROM php_versions ORDER BY identifier");
        using var reader = command.ExecuteReader();
        var rows = new List<PhpVersionRow>();
        while (reader.Read())
        {
            rows.Add(new PhpVersionRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetInt64(7) != 0, NullableString(reader, 8)));
        }

        return rows;
    }
}
