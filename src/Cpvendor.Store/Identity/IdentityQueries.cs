using Microsoft.Data.Sqlite;

namespace Cpvendor.Store.Identity;

/// <summary>
/// The store's queries about names and identities (docs/contract.md section 3), run inside a
/// writer's transaction so that what a change checks is what it changes.
/// </summary>
public static class IdentityQueries
{
    private const string ClaimsSql =
        """
        SELECT name, 0, name, unix_uid FROM admins WHERE name = $n
        UNION ALL SELECT unix_user, 1, name, unix_uid FROM admins WHERE unix_user = $n
        UNION ALL SELECT name, 2, name, unix_uid FROM resellers WHERE name = $n
        UNION ALL SELECT username, 3, username, uid FROM users WHERE username = $n
        """;

    /// <summary>Every claim of <paramref name="name"/> in the store, in any role.</summary>
    public static IReadOnlyList<NameClaim> ClaimsOf(PanelWriter writer, string name)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return ClaimsOf(writer.Connection, writer.Transaction, name);
    }

    public static IReadOnlyList<NameClaim> ClaimsOf(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ClaimsSql;
        command.Parameters.AddWithValue("$n", name);
        using var reader = command.ExecuteReader();
        var claims = new List<NameClaim>();
        while (reader.Read())
        {
            claims.Add(new NameClaim(
                reader.GetString(0),
                (NameRole)reader.GetInt64(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3)));
        }

        return claims;
    }

    /// <summary>Every claim in the store (a whole-store check, as after a sync).</summary>
    public static IReadOnlyList<NameClaim> AllClaims(SqliteConnection connection, SqliteTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT name, 0, name, unix_uid FROM admins
            UNION ALL SELECT unix_user, 1, name, unix_uid FROM admins WHERE unix_user IS NOT NULL
            UNION ALL SELECT name, 2, name, unix_uid FROM resellers
            UNION ALL SELECT username, 3, username, uid FROM users
            """;
        using var reader = command.ExecuteReader();
        var claims = new List<NameClaim>();
        while (reader.Read())
            claims.Add(new NameClaim(reader.GetString(0), (NameRole)reader.GetInt64(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetInt64(3)));
        return claims;
    }

    /// <summary>Sets the uid of an administrator's or reseller's own UNIX account (null: none).</summary>
    public static void SetUnixUid(PanelWriter writer, NameRole role, string name, long? uid)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var table = role switch
        {
            NameRole.AdminName => "admins",
            NameRole.ResellerName => "resellers",
            _ => throw new ArgumentOutOfRangeException(nameof(role)),
        };
        writer.Execute($"UPDATE {table} SET unix_uid = $u WHERE name = $n", ("$u", uid), ("$n", name));
    }
}
