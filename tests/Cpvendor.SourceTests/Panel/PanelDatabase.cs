using System.Data.Common;
using MySqlConnector;
using Npgsql;

namespace Cpvendor.SourceTests.Panel;

public enum Dialect
{
    MariaDb,
    Postgres,
}

/// <summary>
/// A throw-away database on the test servers (tests/setup/mariadb.sh: 127.0.0.1:33306;
/// tests/setup/postgres.sh: 127.0.0.1:55432) with the panel schema and views; dropped on dispose.
/// A server that does not answer fails the test with a message saying which script starts it.
/// </summary>
public sealed class PanelDatabase : IDisposable
{
    public const string MariaDbAdmin = "Server=127.0.0.1;Port=33306;User ID=cpvendor_test;Password=cpvendor_test;Pooling=false;Connection Timeout=600;Default Command Timeout=600";
    public const string PostgresAdmin = "Host=127.0.0.1;Port=55432;Username=postgres;Pooling=false;Timeout=600;Command Timeout=600";

    private PanelDatabase(Dialect dialect, string name, string? admin = null)
    {
        Dialect = dialect;
        Name = name;
        Admin = admin ?? (dialect == Dialect.MariaDb ? MariaDbAdmin : PostgresAdmin);
        ConnectionString = $"{Admin};Database={name}";
    }

    /// <summary>The server's admin connection string (without a database).</summary>
    public string Admin { get; }

    public Dialect Dialect { get; }

    public string Name { get; }

    /// <summary>What <c>cpvendor settings source</c> gets.</summary>
    public string ConnectionString { get; }

    public string SourceKind => Dialect == Dialect.MariaDb ? "mysql" : "postgres";

    public static PanelDatabase Create(Dialect dialect, bool withSchema = true) => Create(dialect, withSchema, null);

    /// <summary>A database on another server of the dialect (a benchmark's private one), given its admin connection string.</summary>
    public static PanelDatabase Create(Dialect dialect, bool withSchema, string? adminConnectionString)
    {
        var database = new PanelDatabase(dialect, "cpv_" + Guid.NewGuid().ToString("N")[..12], adminConnectionString);
        using (var admin = OpenAdmin(dialect, database.Admin))
            Execute(admin, $"CREATE DATABASE {database.Name}");
        if (withSchema)
        {
            using var connection = database.Open();
            foreach (var sql in PanelSchema.Tables.Concat(PanelSchema.Views))
                Execute(connection, sql);
        }

        return database;
    }

    public DbConnection Open()
    {
        DbConnection connection = Dialect == Dialect.MariaDb ? new MySqlConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        Execute(connection, sql);
    }

    /// <summary>The first column of the first row of a query, as text (null when there is none).</summary>
    public string? Text(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    public static void Execute(DbConnection connection, string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = OpenAdmin(Dialect, Admin);
        Execute(admin, Dialect == Dialect.MariaDb
            ? $"DROP DATABASE IF EXISTS {Name}"
            : $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static DbConnection OpenAdmin(Dialect dialect, string admin)
    {
        DbConnection connection = dialect == Dialect.MariaDb
            ? new MySqlConnection(admin)
            : new NpgsqlConnection(admin + ";Database=postgres");
        try
        {
            connection.Open();
        }
        catch (Exception e) when (e is DbException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            connection.Dispose();
            var script = dialect == Dialect.MariaDb ? "tests/setup/mariadb.sh (127.0.0.1:33306)" : "tests/setup/postgres.sh (127.0.0.1:55432)";
            throw new InvalidOperationException($"the {dialect} test server is not reachable: run {script} first ({e.Message})", e);
        }

        return connection;
    }
}
