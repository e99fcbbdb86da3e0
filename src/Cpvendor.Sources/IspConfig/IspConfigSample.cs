using System.Globalization;
using System.Text;
using Cpvendor.Sources.Storage;
using Cpvendor.Store;
using MySqlConnector;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// A sample ISPConfig 3.2 master database for the quickstart, made from the sample panel of a store:
/// its resellers become reseller clients, its packages master templates, each account a client with
/// one website (system user <c>webN</c>, document root <c>/var/www/clients/clientC/webN</c>), its
/// subdomains vhost subdomains, its other domains aliases, its database users web database users.
/// Only the tables and columns the source reads are made. Returns the passwd lines of the websites'
/// system users, which ISPConfig's server daemon would have created on the web server.
/// </summary>
public static class IspConfigSample
{
    private static readonly string[] Tables =
    [
        "CREATE TABLE server (server_id int(11) unsigned NOT NULL AUTO_INCREMENT, server_name varchar(255) NOT NULL DEFAULT '', web_server tinyint(1) NOT NULL DEFAULT '0', PRIMARY KEY (server_id))",
        "CREATE TABLE sys_user (userid int(11) unsigned NOT NULL AUTO_INCREMENT, username varchar(64) NOT NULL DEFAULT '', typ varchar(16) NOT NULL DEFAULT 'user', language varchar(2) NOT NULL DEFAULT 'en', PRIMARY KEY (userid))",
        "CREATE TABLE sys_group (groupid int(11) unsigned NOT NULL AUTO_INCREMENT, name varchar(64) NOT NULL DEFAULT '', client_id int(11) unsigned NOT NULL DEFAULT '0', PRIMARY KEY (groupid))",
        "CREATE TABLE client (client_id int(11) unsigned NOT NULL AUTO_INCREMENT, email varchar(255) DEFAULT NULL, limit_client int(11) NOT NULL DEFAULT '0', parent_client_id int(11) unsigned NOT NULL DEFAULT '0', username varchar(64) DEFAULT NULL, language char(2) NOT NULL DEFAULT 'en', template_master int(11) unsigned NOT NULL DEFAULT '0', PRIMARY KEY (client_id))",
        "CREATE TABLE client_template (template_id int(11) unsigned NOT NULL AUTO_INCREMENT, sys_groupid int(11) unsigned NOT NULL DEFAULT '0', template_name varchar(64) NOT NULL DEFAULT '', template_type varchar(1) NOT NULL DEFAULT 'm', PRIMARY KEY (template_id))",
        "CREATE TABLE server_php (server_php_id int(11) unsigned NOT NULL AUTO_INCREMENT, server_id int(11) unsigned NOT NULL DEFAULT '0', name varchar(255) DEFAULT NULL, php_fastcgi_binary varchar(255) DEFAULT NULL, php_fastcgi_ini_dir varchar(255) DEFAULT NULL, php_fpm_init_script varchar(255) DEFAULT NULL, php_fpm_ini_dir varchar(255) DEFAULT NULL, php_fpm_pool_dir varchar(255) DEFAULT NULL, active enum('n','y') NOT NULL DEFAULT 'y', PRIMARY KEY (server_php_id))",
        "CREATE TABLE web_domain (domain_id int(11) unsigned NOT NULL AUTO_INCREMENT, sys_groupid int(11) unsigned NOT NULL DEFAULT '0', server_id int(11) unsigned NOT NULL DEFAULT '0', ip_address varchar(39) DEFAULT NULL, domain varchar(255) DEFAULT NULL, type varchar(32) DEFAULT NULL, parent_domain_id int(11) unsigned NOT NULL DEFAULT '0', document_root varchar(255) DEFAULT NULL, web_folder varchar(100) DEFAULT NULL, system_user varchar(255) DEFAULT NULL, php varchar(32) NOT NULL DEFAULT 'y', active enum('n','y') NOT NULL DEFAULT 'y', server_php_id int(11) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (domain_id), UNIQUE KEY serverdomain (server_id, ip_address, domain))",
        "CREATE TABLE web_database_user (database_user_id int(11) unsigned NOT NULL AUTO_INCREMENT, server_id int(11) unsigned NOT NULL DEFAULT '0', database_user varchar(64) DEFAULT NULL, PRIMARY KEY (database_user_id))",
        "CREATE TABLE web_database (database_id int(11) unsigned NOT NULL AUTO_INCREMENT, server_id int(11) unsigned NOT NULL DEFAULT '0', parent_domain_id int(11) unsigned NOT NULL DEFAULT '0', database_user_id int(11) unsigned DEFAULT NULL, database_ro_user_id int(11) unsigned DEFAULT NULL, PRIMARY KEY (database_id))",
        "CREATE TABLE sys_datalog (datalog_id int(11) unsigned NOT NULL AUTO_INCREMENT, server_id int(11) unsigned NOT NULL DEFAULT '0', dbtable varchar(255) NOT NULL DEFAULT '', dbidx varchar(255) NOT NULL DEFAULT '', action char(1) NOT NULL DEFAULT '', tstamp int(11) NOT NULL DEFAULT '0', PRIMARY KEY (datalog_id), KEY server_id (server_id))",
    ];

    /// <summary>Creates <paramref name="database"/> (replacing one of that name) and fills it from the store's sample panel.</summary>
    public static string Create(string adminConnectionString, string database, string sampleStore)
    {
        PanelSnapshot panel;
        using (var store = PanelStore.OpenForRead(sampleStore))
            panel = LocalSnapshot.Read(store);

        using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(adminConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        Execute(connection, $"DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE `{database}`; USE `{database}`;");
        foreach (var table in Tables)
            Execute(connection, table);

        var rows = new List<string>
        {
            "INSERT INTO server (server_id, server_name, web_server) VALUES (1, 'web1.quickstart.example', 1)",
            "INSERT INTO sys_group (groupid, name, client_id) VALUES (1, 'admin', 0)",
        };
        rows.AddRange(panel.Admins.OrderBy(a => !a.IsMain).Select((a, i) => $"INSERT INTO sys_user (userid, username, typ, language) VALUES ({i + 1}, {Q(a.Name)}, 'admin', {Q(Language(a.LocaleCode))})"));

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var admin in panel.Admins)
            groupOf[admin.Name] = 1;
        var clientOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var client = 0;
        foreach (var reseller in panel.Resellers)
        {
            client++;
            clientOf[reseller.Name] = client;
            groupOf[reseller.Name] = client + 1;
            rows.Add($"INSERT INTO client (client_id, email, limit_client, parent_client_id, username, language) VALUES ({client}, {Q(reseller.Email)}, -1, 0, {Q(reseller.Name)}, {Q(Language(reseller.LocaleCode))})");
            rows.Add($"INSERT INTO sys_group (groupid, name, client_id) VALUES ({client + 1}, 'client{client}', {client})");
        }

        var templates = new Dictionary<(string, string), int>();
        foreach (var package in panel.Packages)
        {
            templates[(package.Owner, package.Name)] = templates.Count + 1;
            rows.Add($"INSERT INTO client_template (template_id, sys_groupid, template_name, template_type) VALUES ({templates.Count}, {groupOf[package.Owner]}, {Q(package.Name)}, 'm')");
        }

        var php = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var version in panel.Php)
        {
            php[version.Identifier] = php.Count + 1;
            var folder = Path.GetDirectoryName(version.Bin)!;
            rows.Add($"INSERT INTO server_php (server_php_id, server_id, name, php_fastcgi_binary, php_fastcgi_ini_dir, php_fpm_init_script, php_fpm_ini_dir, php_fpm_pool_dir) VALUES " +
                $"({php.Count}, 1, {Q("PHP " + version.Version + " (" + version.Identifier + ")")}, {Q(folder + "/php-cgi")}, {Q(Path.GetDirectoryName(version.Ini))}, {Q(version.FpmService)}, {Q(Path.GetDirectoryName(version.Ini))}, {Q(Path.GetDirectoryName(version.Ini) + "/php-fpm.d")})");
        }

        var passwd = new StringBuilder();
        var domainId = 0;
        var databaseUser = 0;
        var byOwner = panel.Domains.ToLookup(d => d.Row.Owner, StringComparer.Ordinal);
        var dbByOwner = panel.DbUsers.ToLookup(d => d.Owner, StringComparer.Ordinal);
        foreach (var (_, user) in panel.Users)
        {
            // A reseller's own account is a website of the reseller's client; any other a client of its owner.
            int group;
            if (clientOf.TryGetValue(user.Username, out var own))
            {
                group = own + 1;
            }
            else
            {
                client++;
                group = client + 1;
                var template = user.PackageName is null ? 0 : templates[(user.PackageOwner!, user.PackageName)];
                var parent = clientOf.TryGetValue(user.Owner, out var reseller) ? reseller : 0;
                rows.Add($"INSERT INTO client (client_id, email, parent_client_id, username, language, template_master) VALUES ({client}, {Q(user.Email)}, {parent}, {Q(user.Username)}, {Q(Language(user.LocaleCode))}, {template})");
                rows.Add($"INSERT INTO sys_group (groupid, name, client_id) VALUES ({group}, 'client{client}', {client})");
            }

            var domains = byOwner[user.Username].ToList();
            var main = domains.FirstOrDefault(d => d.Row.IsMain) ?? domains.FirstOrDefault();
            if (main is null)
                continue;
            var site = ++domainId;
            var systemUser = $"web{site}";
            var root = $"/var/www/clients/client{group - 1}/{systemUser}";
            rows.Add(Site(site, group, main.Row.Name, "vhost", 0, root, null, systemUser, main.Row.Handler, Php(php, main.Row.PhpVersionId)));
            passwd.Append(CultureInfo.InvariantCulture, $"{systemUser}:x:{user.Uid}:{user.Uid}::{root}:/bin/false\n");
            foreach (var other in domains.Where(d => d != main))
            {
                var label = other.Row.Name.EndsWith("." + main.Row.Name, StringComparison.Ordinal) ? other.Row.Name[..other.Row.Name.IndexOf('.', StringComparison.Ordinal)] : null;
                rows.Add(label is not null
                    ? Site(++domainId, group, other.Row.Name, "vhostsubdomain", site, root, label, systemUser, other.Row.Handler, Php(php, other.Row.PhpVersionId))
                    : Site(++domainId, group, other.Row.Name, "alias", site, null, null, null, main.Row.Handler, 0));
            }

            foreach (var db in dbByOwner[user.Username])
            {
                databaseUser++;
                rows.Add($"INSERT INTO web_database_user (database_user_id, server_id, database_user) VALUES ({databaseUser}, 1, {Q(db.DbUser)})");
                rows.Add($"INSERT INTO web_database (database_id, server_id, parent_domain_id, database_user_id) VALUES ({databaseUser}, 1, {site}, {databaseUser})");
            }
        }

        rows.Add("INSERT INTO sys_datalog (server_id, dbtable, dbidx, action, tstamp) VALUES (1, 'web_domain', 'domain_id:1', 'i', UNIX_TIMESTAMP())");
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var chunk in rows.Chunk(200))
            {
                using var command = new MySqlCommand(string.Join(";\n", chunk), connection, transaction);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return passwd.ToString();
    }

    private static string Site(int id, int group, string domain, string type, int parent, string? root, string? folder, string? user, string? handler, int phpId) =>
        "INSERT INTO web_domain (domain_id, sys_groupid, server_id, ip_address, domain, type, parent_domain_id, document_root, web_folder, system_user, php, server_php_id) VALUES " +
        $"({id}, {group}, 1, '*', {Q(domain)}, '{type}', {parent}, {Q(root)}, {Q(folder)}, {Q(user)}, '{(handler == "cgi" ? "fast-cgi" : "php-fpm")}', {phpId})";

    private static int Php(Dictionary<string, int> php, string? identifier) => identifier is not null && php.TryGetValue(identifier, out var id) ? id : 0;

    private static string Language(string locale) => locale.Length >= 2 ? locale[..2].ToLowerInvariant() : "en";

    private static string Q(string? value) => value is null ? "NULL" : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    private static void Execute(MySqlConnection connection, string sql)
    {
        using var command = new MySqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
