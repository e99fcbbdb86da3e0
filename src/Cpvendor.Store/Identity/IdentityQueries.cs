using System.Globalization;
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
        return StoreFailure.Guard(() => ClaimsOf(writer.Connection, writer.Transaction, name), writer.Connection);
    }

    internal static IReadOnlyList<NameClaim> ClaimsOf(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
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

    /// <summary>
    /// The account (other than those of uid <paramref name="uid"/>) whose home is <paramref name="home"/>,
    /// lies inside it or contains it; null when none. Read through the index on <c>home</c> (migration
    /// 7), so a change costs the same on 10 or 100,000 accounts: the homes that contain
    /// <paramref name="home"/> are its own leading parts up to each <c>/</c> (looked up one by one), and
    /// the homes inside it are the range from <c>HOME/</c> up to <c>HOME0</c>, <c>0</c> being the
    /// character after <c>/</c> in SQLite's binary order.
    /// </summary>
    public static string? HomeHolder(PanelWriter writer, string home, long uid, string? exceptUsername = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(home);
        return StoreFailure.Guard(() =>
        {
            using var command = writer.Connection.CreateCommand();
            command.Transaction = writer.Transaction;
            // The home itself and every part of it that ends before a '/': the homes equal to it or containing it.
            var exact = new List<string> { home };
            for (var at = home.IndexOf('/', StringComparison.Ordinal); at >= 0; at = home.IndexOf('/', at + 1))
                exact.Add(home[..at]);
            var names = exact.Select((_, i) => "$e" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            command.CommandText =
                $"""
                SELECT min(username) FROM (
                    SELECT username, uid FROM users WHERE home IN ({string.Join(", ", names)})
                    UNION ALL SELECT username, uid FROM users WHERE home >= $h || '/' AND home < $h || '0')
                WHERE uid <> $uid AND username IS NOT $except
                """;
            for (var i = 0; i < exact.Count; i++)
                command.Parameters.AddWithValue(names[i], exact[i]);
            command.Parameters.AddWithValue("$uid", uid);
            command.Parameters.AddWithValue("$h", home);
            command.Parameters.AddWithValue("$except", (object?)exceptUsername ?? DBNull.Value);
            return command.ExecuteScalar() as string;
        }, writer.Connection);
    }

    /// <summary>
    /// What users lists for uid <paramref name="uid"/> on behalf of an administrator or reseller
    /// (docs/contract.md section 3, decision): its UNIX name and owner, when that identity hosts no
    /// account; none otherwise. Compared before and after a change, it says which
    /// <c>post_modify_user.py</c> hooks such an identity gets.
    /// </summary>
    public static IReadOnlyList<(string Username, string Owner)> ListedStaff(PanelWriter writer, long uid)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return StoreFailure.Guard(() =>
        {
            using var command = writer.Connection.CreateCommand();
            command.Transaction = writer.Transaction;
            command.CommandText =
                """
                SELECT unix_user, min(name) FROM admins
                WHERE unix_uid = $u AND $u > 0 AND unix_user IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users WHERE uid = $u)
                GROUP BY unix_user
                UNION ALL
                SELECT name, name FROM resellers
                WHERE unix_uid = $u AND $u > 0 AND NOT EXISTS (SELECT 1 FROM users WHERE uid = $u)
                  AND NOT EXISTS (SELECT 1 FROM admins WHERE unix_uid = $u AND unix_user IS NOT NULL)
                """;
            command.Parameters.AddWithValue("$u", uid);
            using var reader = command.ExecuteReader();
            var rows = new List<(string, string)>();
            while (reader.Read())
                rows.Add((reader.GetString(0), reader.GetString(1)));
            return rows;
        }, writer.Connection);
    }

    /// <summary>Every row users lists on behalf of an administrator or reseller: uid, UNIX name, owner.</summary>
    public static IReadOnlyList<(long Uid, string Username, string Owner)> AllListedStaff(PanelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return StoreFailure.Guard(() =>
        {
            using var command = writer.Connection.CreateCommand();
            command.Transaction = writer.Transaction;
            command.CommandText =
                """
                SELECT a.unix_uid, a.unix_user, min(a.name) FROM admins a
                WHERE a.unix_uid > 0 AND a.unix_user IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users h WHERE h.uid = a.unix_uid)
                GROUP BY a.unix_user
                UNION ALL
                SELECT r.unix_uid, r.name, r.name FROM resellers r
                WHERE r.unix_uid > 0 AND NOT EXISTS (SELECT 1 FROM users h WHERE h.uid = r.unix_uid)
                  AND NOT EXISTS (SELECT 1 FROM admins s WHERE s.unix_uid = r.unix_uid AND s.unix_user IS NOT NULL)
                """;
            using var reader = command.ExecuteReader();
            var rows = new List<(long, string, string)>();
            while (reader.Read())
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            return rows;
        }, writer.Connection);
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
