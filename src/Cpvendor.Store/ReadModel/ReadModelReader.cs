using System.Text;
using Cpvendor.Core;
using Cpvendor.Store.Schema;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// Opens the current read-model generation for answering (docs/contract.md section 2): SQLite's
/// <c>immutable=1</c>, so no lock is taken, no journal is looked at, and nothing a writer or another
/// reader does can make the call wait. The file is never written after it is renamed into place, which
/// is what makes <c>immutable</c> true. The same <see cref="PanelReader"/> queries as on the live
/// store run on it, so answers are byte for byte the same.
/// </summary>
public static class ReadModelReader
{
    public static PanelReader Open(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StoreFailure.Guard(() => OpenLeased(config), ReadModelFiles.Current(config));
    }

    private static PanelReader OpenLeased(InstallConfig config)
    {
        var path = ReadModelFiles.Current(config);
        for (var attempt = 1; ; attempt++)
        {
            // The lease is released on every path below: with the connection it guards, or right away.
#pragma warning disable CA2000
            var lease = GenerationLease.Take(path);
#pragma warning restore CA2000
            SqliteConnection? connection = null;
            try
            {
                connection = Connect(path);
                // SQLite opened the name; it named the leased file before and still does, and a name can
                // come back to a leased file only through a patch, which the lease forbids: so SQLite
                // reads the leased file.
                if (lease.IsNamedBy(path))
                {
                    connection.Disposed += (_, _) => lease.Dispose();
                    return new PanelReader(connection);
                }
            }
            catch
            {
                connection?.Dispose();
                lease.Dispose();
                throw;
            }

            connection.Dispose();
            lease.Dispose();
            if (attempt == 4)
                throw CpvendorException.DataUnavailable($"{path} was replaced {attempt} times while it was being opened");
        }
    }

    /// <summary>
    /// A connection to the generation at <paramref name="path"/>. A generation of an older schema (a
    /// binary upgraded before its store is migrated) is copied into memory and migrated there, so calls
    /// keep answering from the last good data until the next publish; a newer one is refused.
    /// </summary>
    internal static SqliteConnection Connect(string path)
    {
        if (!File.Exists(path))
            throw CpvendorException.DataUnavailable($"{path} is missing: run 'cpvendor publish'");
        SqliteBootstrap.Init();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Uri(path),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        try
        {
            Execute(connection, "PRAGMA mmap_size = 268435456;");
            var version = UserVersion(connection);
            if (version == PanelStore.SchemaVersion)
                return connection;
            if (version > PanelStore.SchemaVersion || version < 1)
                throw CpvendorException.DataUnavailable($"{path} has schema version {version}, this binary reads version {PanelStore.SchemaVersion}: run 'cpvendor publish'");
            var migrated = InMemory(connection, version);
            connection.Dispose();
            return migrated;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static SqliteConnection InMemory(SqliteConnection generation, long version)
    {
        var memory = new SqliteConnection("Data Source=:memory:;Pooling=False");
        memory.Open();
        generation.BackupDatabase(memory);
        for (var i = (int)version; i < Migrations.All.Count; i++)
            Execute(memory, "BEGIN;\n" + Migrations.All[i] + $"\nPRAGMA user_version = {i + 1};\nCOMMIT;");
        return memory;
    }

    /// <summary>A SQLite URI naming the file with <paramref name="query"/> (<c>immutable=1</c> unless told); characters URIs reserve are escaped.</summary>
    internal static string Uri(string path, string query = "immutable=1")
    {
        var uri = new StringBuilder("file:");
        foreach (var c in Path.GetFullPath(path))
        {
            if (c is '%' or '?' or '#')
                uri.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            else
                uri.Append(c);
        }

        return uri.Append('?').Append(query).ToString();
    }

    private static long UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
