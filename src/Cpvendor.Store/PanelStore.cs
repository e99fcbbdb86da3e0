using Cpvendor.Core;
using Cpvendor.Store.ReadModel;
using Cpvendor.Store.Schema;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store;

/// <summary>
/// Opens the SQLite panel store. Rollback-journal mode, so that readers without write access to the
/// store's folder (administrators reading through the cpapi) can read it. What it hands out is a
/// <see cref="StoreSession"/>: the connection inside never leaves this library.
/// </summary>
public static class PanelStore
{
    public static int SchemaVersion => Migrations.All.Count;

    /// <summary>Creates a new, empty store at <paramref name="path"/>; refuses to overwrite one.</summary>
    public static StoreSession Create(string path) => StoreFailure.Guard(() => new StoreSession(CreateConnection(path)), path);

    /// <summary>Opens a store for changes, applying any pending migration first.</summary>
    public static StoreSession OpenForWrite(string path) => StoreFailure.Guard(() => new StoreSession(OpenConnectionForWrite(path)), path);

    /// <summary>
    /// Opens a store for changes whose writers wait up to <paramref name="busyTimeout"/> for another
    /// writer's lock (a change whose pre hook runs holds it that long) instead of failing.
    /// </summary>
    public static StoreSession OpenForWrite(string path, TimeSpan busyTimeout) => StoreFailure.Guard(() =>
    {
        var connection = OpenConnectionForWrite(path);
        try
        {
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = " + ((long)busyTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            pragma.ExecuteNonQuery();
            return new StoreSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }, path);

    /// <summary>Opens a store read-only; fails if its schema is not this binary's.</summary>
    public static StoreSession OpenForRead(string path, int timeoutSeconds = 2) =>
        StoreFailure.Guard(() => new StoreSession(OpenConnectionForRead(path, timeoutSeconds)), path);

    internal static SqliteConnection CreateConnection(string path)
    {
        if (File.Exists(path))
            throw CpvendorException.Invalid($"{path} already exists; refusing to overwrite a panel store");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        // A page log left by a store of the same name that is gone describes another file.
        PageLog.Delete(PageLog.PathOf(Path.GetFullPath(path)));
        var connection = Connect(path, SqliteOpenMode.ReadWriteCreate, timeoutSeconds: 30);
        Migrate(connection);
        return connection;
    }

    internal static SqliteConnection OpenConnectionForWrite(string path)
    {
        if (!File.Exists(path))
            throw CpvendorException.StoreUnavailable($"{path} does not exist");
        var connection = Connect(path, SqliteOpenMode.ReadWrite, timeoutSeconds: 30);
        Migrate(connection);
        return connection;
    }

    internal static SqliteConnection OpenConnectionForRead(string path, int timeoutSeconds = 2)
    {
        var connection = Connect(path, SqliteOpenMode.ReadOnly, timeoutSeconds);
        var version = UserVersion(connection);
        if (version != SchemaVersion)
        {
            connection.Dispose();
            throw CpvendorException.StoreUnavailable(
                $"{path} has schema version {version}, this binary reads version {SchemaVersion}");
        }

        return connection;
    }

    private static SqliteConnection Connect(string path, SqliteOpenMode mode, int timeoutSeconds)
    {
        SqliteBootstrap.Init();
        // Whatever may write the store writes through the page-log VFS, so the publisher knows which
        // pages each commit wrote (ReadModel/PageLog.cs); readers never write and keep the default VFS.
        var logged = mode != SqliteOpenMode.ReadOnly && PageLogVfs.Register();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = logged ? ReadModelReader.Uri(path, "vfs=" + PageLogVfs.Name) : path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
            ForeignKeys = mode != SqliteOpenMode.ReadOnly,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        // Readers map the file instead of copying it page by page through read(2): a full listing
        // touched ~3,000 pages, each a system call before.
        pragma.CommandText = mode == SqliteOpenMode.ReadOnly
            ? $"PRAGMA busy_timeout = {timeoutSeconds * 1000}; PRAGMA mmap_size = 268435456;"
            : $"PRAGMA busy_timeout = {timeoutSeconds * 1000};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static long UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return (long)command.ExecuteScalar()!;
    }

    private static void Migrate(SqliteConnection connection)
    {
        using (var mode = connection.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;";
            mode.ExecuteNonQuery();
        }

        var version = UserVersion(connection);
        if (version > SchemaVersion)
            throw CpvendorException.StoreUnavailable($"the store has schema version {version}, newer than this binary's {SchemaVersion}");
        for (var i = (int)version; i < SchemaVersion; i++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations.All[i] + $"\nPRAGMA user_version = {i + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
