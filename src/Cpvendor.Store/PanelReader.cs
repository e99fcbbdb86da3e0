using Cpvendor.Store.Model;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Read-only queries over a panel store, returning the contract's records in a stable order
/// (names in ordinal order) so that every source answers byte for byte the same. A failure of
/// SQLite, now or while rows are enumerated, leaves as <see cref="Core.CpvendorException"/>.
/// </summary>
public sealed partial class PanelReader : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly bool ownsConnection;

    /// <summary>Reads through an open store; disposing the reader leaves <paramref name="store"/> open.</summary>
    public PanelReader(StoreSession store)
    {
        ArgumentNullException.ThrowIfNull(store);
        connection = store.Connection;
    }

    /// <summary>A reader that owns <paramref name="connection"/> and closes it with itself.</summary>
    internal PanelReader(SqliteConnection connection)
    {
        this.connection = connection;
        ownsConnection = true;
    }

    /// <summary>Opens the store at <paramref name="path"/> read-only, for this reader alone.</summary>
    public static PanelReader Open(string path) => StoreFailure.Guard(() => new PanelReader(PanelStore.OpenConnectionForRead(path)), path);

    public void Dispose()
    {
        if (ownsConnection)
            connection.Dispose();
    }

    public PanelSettings Settings() => StoreFailure.Guard(() => SettingsUnguarded(), connection);

    private PanelSettings SettingsUnguarded()
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
    public long Revision() => StoreFailure.Guard(() => RevisionUnguarded(), connection);

    private long RevisionUnguarded()
    {
        using var command = Command("SELECT revision FROM panel WHERE id = 1");
        return command.ExecuteScalar() is long revision ? revision : 0;
    }

    /// <summary>The features the panel drives, in the order CloudLinux lists them.</summary>
    public IReadOnlyDictionary<string, bool> Features() => StoreFailure.Guard(() => FeaturesUnguarded(), connection);

    private SortedDictionary<string, bool> FeaturesUnguarded()
    {
        var features = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        using var command = Command("SELECT name, enabled FROM features");
        using var reader = command.ExecuteReader();
        while (reader.Read())
            features[reader.GetString(0)] = reader.GetInt64(1) != 0;
        return features;
    }

    public bool OwnerExists(string name) => StoreFailure.Guard(() => OwnerExistsUnguarded(name), connection);

    private bool OwnerExistsUnguarded(string name) =>
        Exists("SELECT 1 FROM admins WHERE name = $v UNION ALL SELECT 1 FROM resellers WHERE name = $v", ("$v", name));

    public bool UserExists(string username) =>
        StoreFailure.Guard(() => Exists("SELECT 1 FROM " + ListedUsers(withDomain: false) + " WHERE u.username = $v", ("$v", username)), connection);

    public bool PackageExists(string name, string owner) => StoreFailure.Guard(() => PackageExistsUnguarded(name, owner), connection);

    private bool PackageExistsUnguarded(string name, string owner) =>
        Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name));

    /// <summary>The distinct UNIX ids of everything users lists (accounts, administrators and resellers with a UNIX account).</summary>
    public IReadOnlyList<uint> Uids() => StoreFailure.Guard(() => UidsUnguarded(), connection);

    private List<uint> UidsUnguarded()
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
