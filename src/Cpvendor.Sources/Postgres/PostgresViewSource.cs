using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Validation;
using Npgsql;

namespace Cpvendor.Sources.Postgres;

/// <summary>
/// PostgreSQL through Npgsql's slim data source: only the basic type handlers, which is all the views
/// need and what keeps the NativeAOT binary free of trimming warnings. No pooling.
/// </summary>
internal sealed class PostgresViewSource : IViewSource, IChangeMarker
{
    private readonly string connectionString;

    public PostgresViewSource(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        this.connectionString = builder.ConnectionString;
    }

    /// <summary>
    /// No type loading: the views need only built-in types, and loading the catalog's types reads
    /// thousands of catalog rows at every connection, which a fleet would pay per host per minute.
    /// </summary>
    private NpgsqlDataSource Build()
    {
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        builder.ConfigureTypeLoading(types => types.EnableTypeLoading(false));
        return builder.Build();
    }

    public PanelSnapshot Read(string? server, SourceProblems problems)
    {
        using var dataSource = Build();
        using var connection = dataSource.OpenConnection();
        return new ViewReader(connection, server, problems).Read();
    }

    /// <summary>undefined_table (42P01): the panel has no marker view.</summary>
    public string? ReadMarker(string? server)
    {
        using var dataSource = Build();
        using var connection = dataSource.OpenConnection();
        return ViewMarker.Read(connection, server, e => e is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable });
    }
}
