using System.Globalization;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.IspConfig;

/// <summary>
/// An ISPConfig master database on the test MariaDB with a multi-server panel: two web servers and a
/// database server, two admins, two resellers, clients of each and of the admin, master and
/// additional client templates, PHP versions, websites with subdomains and aliases of each of
/// ISPConfig's kinds, and databases. Web server 1 and web server 2 both have a web1 and a web2, as
/// ISPConfig names system users per server. Changes go through <see cref="Change"/>, which logs them
/// in sys_datalog as ISPConfig's interface does.
/// </summary>
public sealed class IspConfigPanel : IDisposable
{
    public const int Web1 = 1;
    public const int Web2 = 2;

    /// <summary>The passwd lines each web server has for its websites (ISPConfig makes the users with the document root as home).</summary>
    public static readonly IReadOnlyDictionary<int, string> Passwd = new Dictionary<int, string>
    {
        [Web1] = "root:x:0:0:root:/root:/bin/bash\nweb1:x:5001:5005::/var/www/clients/client3/web1:/bin/false\nweb2:x:5002:5004::/var/www/clients/client4/web2:/bin/false\nweb3:x:5003:5003::/var/www/clients/client0/web3:/bin/false\n",
        [Web2] = "root:x:0:0:root:/root:/bin/bash\nweb1:x:6001:6005::/var/www/clients/client5/web1:/bin/false\nweb2:x:6002:6002::/var/www/clients/client2/web2:/bin/false\n",
    };

    private IspConfigPanel(PanelDatabase database, IspConfigVersion version)
    {
        Database = database;
        Version = version;
    }

    public PanelDatabase Database { get; }

    public IspConfigVersion Version { get; }

    public static IspConfigPanel Create(IspConfigVersion version)
    {
        var database = PanelDatabase.Create(Dialect.MariaDb, withSchema: false);
        var panel = new IspConfigPanel(database, version);
        try
        {
            foreach (var sql in IspConfigSchema.Tables(version))
                database.Execute(sql);
            panel.Fill();
            return panel;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Runs a change and logs it for its server, as ISPConfig's datalog does (clients and templates under server 0).</summary>
    public void Change(string table, int server, string sql)
    {
        Database.Execute(sql);
        Database.Execute($"INSERT INTO sys_datalog (server_id, dbtable, dbidx, action, tstamp, user, data) VALUES ({server}, '{table}', 'id', 'u', UNIX_TIMESTAMP(), 'admin', '')");
    }

    /// <summary>A website or child domain row, with the website's PHP version in this generation's column.</summary>
    public string Site(int id, int server, string domain, string type, int parent, string? root, string? folder, string? user, int group, string php, int phpId, bool active = true)
    {
        var phpColumn = Version >= IspConfigVersion.V32 ? "server_php_id" : "fastcgi_php_version";
        var phpValue = Version >= IspConfigVersion.V32 ? phpId.ToString(CultureInfo.InvariantCulture) : Legacy(phpId, php);
        return "INSERT INTO web_domain (domain_id, sys_groupid, server_id, ip_address, domain, type, parent_domain_id, document_root, web_folder, system_user, system_group, php, active, " + phpColumn + ") VALUES " +
            $"({id}, {group}, {server}, '*', '{domain}', '{type}', {parent}, {Quote(root)}, {Quote(folder)}, {Quote(user)}, {Quote(user is null ? null : "client" + group)}, '{php}', '{(active ? "y" : "n")}', {phpValue})";
    }

    private static readonly Dictionary<int, (string Name, string Binary, string IniDir, string Init, string FpmIni, string Pool)> PhpRows = new()
    {
        [1] = ("PHP 8.1 (alt)", "/opt/alt/php81/usr/bin/php-cgi", "/opt/alt/php81/etc", "alt-php81-fpm", "/opt/alt/php81/etc", "/opt/alt/php81/etc/php-fpm.d"),
        [2] = ("PHP 7.4 (alt)", "/opt/alt/php74/usr/bin/php-cgi", "/opt/alt/php74/etc", "alt-php74-fpm", "/opt/alt/php74/etc", "/opt/alt/php74/etc/php-fpm.d"),
        [3] = ("PHP 8.2 (alt)", "/opt/alt/php82/usr/bin/php-cgi", "/opt/alt/php82/etc", "alt-php82-fpm", "/opt/alt/php82/etc", "/opt/alt/php82/etc/php-fpm.d"),
        [4] = ("Debian PHP 8.3", "/usr/bin/php-cgi8.3", "/etc/php/8.3/cgi", "php8.3-fpm", "/etc/php/8.3/fpm", "/etc/php/8.3/fpm/pool.d"),
    };

    /// <summary>What ISPConfig 3.1 wrote into fastcgi_php_version: the row's name and paths joined by colons.</summary>
    private static string Legacy(int phpId, string mode)
    {
        if (phpId == 0)
            return "''";
        var p = PhpRows[phpId];
        return mode == "php-fpm" ? $"'{p.Name}:{p.Init}:{p.FpmIni}:{p.Pool}'" : $"'{p.Name}:{p.Binary}:{p.IniDir}'";
    }

    private void Fill()
    {
        string[] rows =
        [
            "INSERT INTO server (server_id, server_name, mail_server, web_server, db_server) VALUES (1, 'web1.example.net', 1, 1, 0), (2, 'web2.example.net', 0, 1, 0), (3, 'db.example.net', 0, 0, 1)",
            "INSERT INTO sys_user (userid, username, typ, language, client_id) VALUES (1, 'admin', 'admin', 'en', 0), (2, 'ops', 'admin', 'de', 0), (3, 'resellerA', 'user', 'de', 1), (4, 'alice', 'user', 'en', 3)",
            // The admin group, then one group per client (groupid = client_id + 1).
            "INSERT INTO sys_group (groupid, name, client_id) VALUES (1, 'admin', 0), (2, 'client1', 1), (3, 'client2', 2), (4, 'client3', 3), (5, 'client4', 4), (6, 'client5', 5), (7, 'client6', 6)",
            "INSERT INTO client (client_id, sys_groupid, contact_name, email, limit_client, parent_client_id, username, language, template_master) VALUES " +
                "(1, 1, 'Reseller A', 'a@resellers.example', 10, 0, 'resellerA', 'de', 1), " +
                "(2, 1, 'Reseller B', 'b@resellers.example', -1, 0, 'resellerB', 'fr', 1), " +
                "(3, 2, 'Alice', 'alice@mail.example', 0, 1, 'alice', 'en', 2), " +
                "(4, 1, 'Bob', 'bob@mail.example', 0, 0, 'bob', 'es', 3), " +
                "(5, 3, 'Carol', '', 0, 2, 'carol', 'en', 0), " +
                "(6, 2, 'Dave', 'dave@mail.example', 0, 1, 'dave', 'en', 2)",
            // Master templates are packages (of the admin group or of a reseller's group); 'a' ones are add-ons.
            "INSERT INTO client_template (template_id, sys_groupid, template_name, template_type) VALUES (1, 1, 'Reseller Gold', 'm'), (2, 2, 'Small', 'm'), (3, 1, 'Basic', 'm'), (4, 1, 'Extra mail', 'a'), (5, 3, 'Small', 'm')",
            "INSERT INTO server_php (server_php_id, server_id, name, php_fastcgi_binary, php_fastcgi_ini_dir, php_fpm_init_script, php_fpm_ini_dir, php_fpm_pool_dir) VALUES " +
                string.Join(", ", PhpRows.Select(p => $"({p.Key}, {(p.Key == 3 ? 2 : 1)}, '{p.Value.Name}', '{p.Value.Binary}', '{p.Value.IniDir}', '{p.Value.Init}', '{p.Value.FpmIni}', '{p.Value.Pool}')")),
            // Web server 1.
            Site(10, Web1, "alice.example", "vhost", 0, "/var/www/clients/client3/web1", null, "web1", 4, "php-fpm", 1),
            Site(11, Web1, "bob.example", "vhost", 0, "/var/www/clients/client4/web2", null, "web2", 5, "fast-cgi", 0),
            Site(12, Web1, "admin-site.example", "vhost", 0, "/var/www/clients/client0/web3", null, "web3", 1, "mod", 0),
            Site(13, Web1, "ghost.example", "vhost", 0, "/var/www/clients/client6/web4", null, "web4", 7, "php-fpm", 1),
            Site(20, Web1, "blog.alice.example", "subdomain", 10, null, null, null, 4, "php-fpm", 0),
            Site(21, Web1, "alice.net", "alias", 10, null, null, null, 4, "php-fpm", 0),
            Site(22, Web1, "shop.alice.example", "vhostsubdomain", 10, "/var/www/clients/client3/web1", "shop", "web1", 4, "php-fpm", 2),
            Site(23, Web1, "alice.org", "vhostalias", 10, "/var/www/clients/client3/web1", "org-site", "web1", 4, "fast-cgi", 4),
            Site(24, Web1, "old-bob.example", "alias", 11, null, null, null, 5, "fast-cgi", 0, active: false),
            Site(25, Web1, "docs.ghost.example", "subdomain", 13, null, null, null, 7, "php-fpm", 0),
            // Web server 2: the same system user names again.
            Site(30, Web2, "carol.example", "vhost", 0, "/var/www/clients/client5/web1", null, "web1", 6, "php-fpm", 3),
            Site(31, Web2, "resellerb.example", "vhost", 0, "/var/www/clients/client2/web2", null, "web2", 3, "php-fpm", 0),
            Site(32, Web2, "carol.net", "alias", 30, null, null, null, 6, "php-fpm", 0),
            Site(33, Web2, "dev.carol.example", "vhostsubdomain", 30, "/var/www/clients/client5/web1", "dev", "web1", 6, "php-fpm", 3),
            "INSERT INTO web_database_user (database_user_id, sys_groupid, server_id, database_user, database_user_prefix) VALUES (1, 4, 3, 'c3alice_rw', 'c3'), (2, 4, 3, 'c3alice_ro', 'c3'), (3, 6, 3, 'c5carol', 'c5'), (4, 5, 3, 'c4shared', 'c4')",
            "INSERT INTO web_database (database_id, sys_groupid, server_id, parent_domain_id, database_name, database_user_id, database_ro_user_id) VALUES " +
                "(1, 4, 3, 10, 'c3alice_shop', 1, 2), (2, 6, 3, 30, 'c5carol_wp', 3, NULL), (3, 5, 3, 11, 'c4bob', 4, NULL), (4, 1, 3, 12, 'c0admin', 4, NULL)",
            "INSERT INTO sys_datalog (server_id, dbtable, dbidx, action, tstamp, user, data) VALUES (1, 'web_domain', 'domain_id:10', 'i', UNIX_TIMESTAMP(), 'admin', '')",
        ];
        foreach (var sql in rows)
            Database.Execute(sql);
    }

    private static string Quote(string? value) => value is null ? "NULL" : $"'{value}'";

    public void Dispose() => Database.Dispose();
}
