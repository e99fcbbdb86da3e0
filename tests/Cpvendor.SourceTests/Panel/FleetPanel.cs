namespace Cpvendor.SourceTests.Panel;

/// <summary>
/// What a fleet's panel database adds to the example schema: indexes on the columns the per-host
/// filters use, and the optional change marker (a serial per host and one for the shared data,
/// bumped by the panel with each change; docs/sources.md).
/// </summary>
public static class FleetPanel
{
    public static string Host(int index, int hosts) => "web" + ((index % hosts) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Hosts(int hosts) => Enumerable.Range(0, hosts).Select(i => Host(i, hosts)).ToList();

    public static void Prepare(PanelDatabase database, IReadOnlyList<string> hosts)
    {
        database.Execute("CREATE INDEX panel_accounts_server ON panel_accounts (server_id)");
        database.Execute("CREATE INDEX panel_accounts_login ON panel_accounts (login)");
        database.Execute("CREATE INDEX panel_sites_account ON panel_sites (account_id)");
        database.Execute("CREATE INDEX panel_db_logins_account ON panel_db_logins (account_id)");
        database.Execute("CREATE INDEX panel_servers_hostname ON panel_servers (hostname)");
        database.Execute("CREATE TABLE panel_changes (server VARCHAR(64), serial BIGINT NOT NULL)");
        database.Execute("CREATE INDEX panel_changes_server ON panel_changes (server)");
        database.Execute("INSERT INTO panel_changes (server, serial) VALUES (NULL, 1)" + string.Concat(hosts.Select(h => $", ('{h}', 1)")));
        database.Execute("CREATE VIEW cpvendor_change_marker AS SELECT server, serial AS marker FROM panel_changes");
    }

    /// <summary>What the panel does with each change of a host's data: bump that host's serial.</summary>
    public static void Bump(PanelDatabase database, string host) =>
        database.Execute($"UPDATE panel_changes SET serial = serial + 1 WHERE server = '{host}'");
}
