using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Validation;
using MySqlConnector;

namespace Cpvendor.Sources.MySql;

/// <summary>MariaDB/MySQL through MySqlConnector; no pooling (a sync is one short-lived process).</summary>
internal sealed class MySqlViewSource : IViewSource, IChangeMarker
{
    private readonly string connectionString;

    public MySqlViewSource(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = false };
        this.connectionString = builder.ConnectionString;
    }

    public PanelSnapshot Read(string? server, SourceProblems problems)
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        return new ViewReader(connection, server, problems).Read();
    }

    /// <summary>ER_NO_SUCH_TABLE (1146): the panel has no marker view.</summary>
    public string? ReadMarker(string? server)
    {
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        return ViewMarker.Read(connection, server, e => e is MySqlException { ErrorCode: MySqlErrorCode.NoSuchTable });
    }
}
