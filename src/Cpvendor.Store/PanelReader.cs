using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Read-only queries over a panel store, returning the contract's records in a stable order
/// (names in ordinal order) so that every source answers byte for byte the same.
/// </summary>
public sealed partial class PanelReader : IDisposable
{
    private readonly SqliteConnection connection;

    public PanelReader(SqliteConnection connection) => this.connection = connection;

    public static PanelReader Open(string path) => new(PanelStore.OpenForRead(path));

    public void Dispose() => connection.Dispose();

    public PanelSettings Settings()
    {
        using var command = Command(
            "SELECT name, version, user_login_url, default_php, default_handler, allow_duplicate_uids, revision FROM panel WHERE id = 1");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return new PanelSettings("cpvendor", "0", null, null, "fpm", false, 0);
        return new PanelSettings(
            reader.GetString(0),
            reader.GetString(1),
            NullableString(reader, 2),
            NullableString(reader, 3),
            reader.GetString(4),
            reader.GetInt64(5) != 0,
            reader.GetInt64(6));
    }

    /// <summary>The store revision: bumped by every committed change.</summary>
    public long Revision()
    {
        using var command = Command("SELECT revision FROM panel WHERE id = 1");
        return command.ExecuteScalar() is long revision ? revision : 0;
    }

    /// <summary>The features the panel drives, in the order CloudLinux lists them.</summary>
    public IReadOnlyDictionary<string, bool> Features()
    {
        var features = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        using var command = Command("SELECT name, enabled FROM features");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            features[reader.GetString(0)] = reader.GetInt64(1) != 0;
        return features;
    }

    public bool OwnerExists(string name) =>
        Exists("SELECT 1 FROM admins WHERE name = $v UNION ALL SELECT 1 FROM resellers WHERE name = $v", ("$v", name));

    public bool UserExists(string username) => Exists("SELECT 1 FROM " + ListedUsers(withDomain: false) + " WHERE u.username = $v", ("$v", username));

    public bool PackageExists(string name, string owner) =>
        Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name));

    /// <summary>The distinct UNIX ids of everything users lists (accounts, administrators and resellers with a UNIX account).</summary>
    public IReadOnlyList<uint> Uids()
    {
        var uids = new List<uint>();
        using var command = Command("SELECT DISTINCT u.uid FROM " + ListedUsers(withDomain: false) + " ORDER BY u.uid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            uids.Add((uint)reader.GetInt64(0));
        return uids;
    }

    private bool Exists(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read();
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
