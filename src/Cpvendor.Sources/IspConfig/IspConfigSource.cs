using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Sources.Php;
using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Storage;
using Cpvendor.Sources.Validation;
using MySqlConnector;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// An ISPConfig 3 master database (<c>dbispconfig</c>) as a source, through MySqlConnector with no
/// pooling. The server name of the settings is the host's ISPConfig <c>server_id</c>. The change
/// marker is the newest <c>sys_datalog</c> entry of this server or of no server (ISPConfig logs every
/// change it makes there, clients and templates under server 0) together with the stamp of this
/// host's passwd file, whose accounts the mapping reads too.
/// </summary>
internal sealed class IspConfigSource : IViewSource, IChangeMarker, IUnmappedRecords
{
    private readonly string connectionString;
    private readonly string root;
    private readonly List<string> unmapped = [];
    private readonly Func<PhpSetup> php;

    public IspConfigSource(string connectionString, string root, Func<PhpSetup>? php = null)
    {
        this.php = php ?? (() => PhpSetup.None);
        var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = false };
        this.connectionString = builder.ConnectionString;
        this.root = root;
    }

    public IReadOnlyList<string> Unmapped => unmapped;

    /// <summary>The schema generation the last read found (3.1 or 3.2), for messages and tests.</summary>
    public IspConfigGeneration? Generation { get; private set; }

    public static long? ServerId(string? server)
    {
        if (server is null)
            return null;
        return long.TryParse(server, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw CpvendorException.BadConfig("source", $"server '{server}' is not an ISPConfig server_id: run 'cpvendor settings source ispconfig --server-id N'");
    }

    public PanelSnapshot Read(string? server, SourceProblems problems)
    {
        unmapped.Clear();
        var passwd = HostPasswd.Read(root);
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        var reader = new IspConfigReader(connection, ServerId(server), passwd, LoginDefs.UidMax(root), problems, unmapped)
        {
            PhpSetup = php(),
            FoundPhp = PhpDiscovery.Discover(root),
        };
        var snapshot = reader.Read();
        Generation = reader.Generation;
        return snapshot;
    }

    public string? ReadMarker(string? server)
    {
        var id = ServerId(server);
        using var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = id is null
            ? "SELECT MAX(datalog_id) FROM sys_datalog"
            : "SELECT MAX(datalog_id) FROM sys_datalog WHERE server_id IN (0, @server)";
        if (id is not null)
            command.Parameters.AddWithValue("@server", id.Value);
        var newest = command.ExecuteScalar() is { } value and not DBNull ? Convert.ToString(value, CultureInfo.InvariantCulture) : "0";
        // The host's PHP builds and the configured ones decide the PHP of websites with none of their own.
        var host = new HostPhp(php(), PhpDiscovery.Discover(root), []);
        var builds = string.Join(",", host.Builds.Select(b => b.GetHashCode().ToString("x8", CultureInfo.InvariantCulture)));
        return $"datalog {newest}; passwd {HostPasswd.StampOf(root)}; php {host.Fallback} {builds}";
    }
}
