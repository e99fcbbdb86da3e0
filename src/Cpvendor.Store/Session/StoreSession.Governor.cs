using System.Text.Json;

namespace Cpvendor.Store;

/// <summary>
/// The MySQL Governor map's lines as the store says they should be (docs/contract.md section 7):
/// <c>db_user account uid</c>, ordered by database user. Lines Governor would skip or misread (an empty
/// field, a field longer than the 63 characters its parser keeps, a uid below 1) are left out, though
/// the validators forbid them.
/// </summary>
public sealed partial class StoreSession
{
    private const string GovernorLine = "d.db_user || ' ' || u.username || ' ' || u.uid";

    private const string GovernorRows =
        """
        FROM db_users d JOIN users u ON u.username = d.owner
        WHERE u.uid >= 1 AND length(d.db_user) BETWEEN 1 AND 63 AND length(u.username) BETWEEN 1 AND 63
        """;

    /// <summary>The whole map, one line per database user each ending in a newline; "" when there is none.</summary>
    public string GovernorMap()
    {
        // Built inside SQLite in one pass: on a store of 10,000 accounts this is one string, not 15,000 rows.
        var text = Scalar($"SELECT string_agg({GovernorLine}, char(10) ORDER BY d.db_user) {GovernorRows}") as string;
        return string.IsNullOrEmpty(text) ? "" : text + "\n";
    }

    /// <summary>The lines of the database users named in <paramref name="keys"/> and of those owned by an account named there, unordered.</summary>
    public IReadOnlyList<string> GovernorLines(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var json = JsonSerializer.Serialize(keys.ToArray(), StoreJsonContext.Default.StringArray);
        return Rows(
            $"SELECT {GovernorLine} {GovernorRows} AND (d.db_user IN (SELECT value FROM json_each($keys)) OR d.owner IN (SELECT value FROM json_each($keys)))",
            r => r.GetString(0), ("$keys", json));
    }
}
