using System.Data;
using System.Data.Common;
using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Sources.Php;
using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// One host's slice of an ISPConfig 3 master database, read from ISPConfig's own tables in one
/// repeatable-read transaction and mapped onto the contract as docs/panels/ispconfig.md describes
/// (docs/contract.md section 3). Every query that grows with the panel is filtered by this host's
/// web server in the database. Rows that break a rule of the contract are rejected alone (docs/contract.md
/// section 8: they keep their served versions); records that are valid in ISPConfig but cannot be served from this host are listed in
/// <see cref="Unmapped"/> and left out, never guessed.
/// </summary>
internal sealed class IspConfigReader
{
    /// <summary>A reseller's LVE id is this plus its client_id: above any UID_MAX in use, unique per reseller.</summary>
    public const long ResellerIdBase = 1_000_000_000;

    private static readonly string[] ChildTypes = ["subdomain", "alias", "vhostsubdomain", "vhostalias"];

    private readonly DbConnection connection;
    private readonly long? requestedServer;
    private readonly HostPasswd passwd;
    private readonly long uidMax;
    private readonly SourceProblems problems;
    private readonly List<string> unmapped;
    private readonly HashSet<long> skipped = [];

    /// <summary>Master templates whose row was rejected: the accounts made from them keep what they were served with.</summary>
    private readonly HashSet<long> rejectedTemplates = [];
    private DbTransaction? transaction;
    private long? server;

    public IspConfigReader(DbConnection connection, long? serverId, HostPasswd passwd, long uidMax, SourceProblems problems, List<string> unmapped)
    {
        this.connection = connection;
        requestedServer = serverId;
        this.passwd = passwd;
        this.uidMax = uidMax;
        this.problems = problems;
        this.unmapped = unmapped;
    }

    public IspConfigGeneration? Generation { get; private set; }

    /// <summary>The PHP builds and default the administrator configured (docs/panels/php.md).</summary>
    public PhpSetup PhpSetup { get; init; } = PhpSetup.None;

    /// <summary>The PHP builds found on this host.</summary>
    public PhpDiscovery.Result FoundPhp { get; init; } = new([], null);

    public PanelSnapshot Read()
    {
        using (transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead))
        {
            var generation = Generation = IspConfigGeneration.Detect(connection, transaction);
            server = ChooseServer();
            var admins = ReadAdmins();
            var main = admins.FirstOrDefault(a => a.IsMain)?.Name ?? "admin";
            var resellers = ReadResellers();
            var packages = ReadPackages(main, resellers);
            var php = ReadPhp(generation);
            var host = php.Host = new HostPhp(PhpSetup, FoundPhp, php.Mapped.Values.DistinctBy(p => p.Identifier, StringComparer.Ordinal).ToList());
            var sites = ReadWebsites(generation, main, resellers, packages);
            ResolveMainPhp(sites, php);
            var domains = new List<SourceDomain>(sites.Count);
            domains.AddRange(sites.Values.Select(s => s.Main));
            domains.AddRange(ReadChildDomains(generation, sites, php));
            var snapshot = new PanelSnapshot(
                admins,
                resellers.Values.Select(r => r.Row).ToList(),
                packages.Values.Distinct().Select(p => new PackageRow(p.Owner, p.Name)).ToList(),
                sites.Values.Select(s => s.User).ToList(),
                domains,
                ReadDbUsers(sites),
                host.Builds);
            transaction.Commit();
            return snapshot;
        }
    }

    /// <summary>The web server this host is; a panel of several needs <c>--server-id</c>, since every server has its own web1, web2...</summary>
    private long? ChooseServer()
    {
        var servers = new List<(long Id, string Name)>();
        using (var reader = Query("SELECT server_id, server_name FROM server WHERE web_server = 1 ORDER BY server_id"))
        {
            while (reader.Read())
                servers.Add((Cell.Number(reader, 0) ?? 0, Cell.Text(reader, 1) ?? ""));
        }

        if (requestedServer is { } wanted)
        {
            return servers.Any(s => s.Id == wanted)
                ? wanted
                : throw CpvendorException.Invalid($"the ISPConfig database has no web server with server_id {wanted} (web servers: {List(servers)})");
        }

        return servers.Count switch
        {
            0 => null,
            1 => servers[0].Id,
            _ => throw CpvendorException.Invalid(
                $"the ISPConfig database has {servers.Count} web servers ({List(servers)}) and their websites share names (web1, web2...): " +
                "give this host's server_id with 'cpvendor settings source ispconfig --server-id N'"),
        };

        static string List(List<(long Id, string Name)> servers) =>
            servers.Count == 0 ? "none" : string.Join(", ", servers.Select(s => $"{s.Id} {s.Name}"));
    }

    /// <summary>ISPConfig's administrators are its <c>sys_user</c> rows of type admin; the first one made is the main one.</summary>
    private List<AdminRow> ReadAdmins()
    {
        var admins = new List<AdminRow>();
        using var reader = Query("SELECT userid, username, language FROM sys_user WHERE typ = 'admin' ORDER BY userid");
        while (reader.Read())
        {
            if (Cell.Text(reader, 1) is not { Length: > 0 } name)
            {
                problems.RejectUnidentified(RecordKind.Admin, "sys_user", $"userid {Cell.Text(reader, 0)}", "an admin without a username");
                continue;
            }

            admins.Add(new AdminRow(name, null, null, Locale(Cell.Text(reader, 2)), IsMain: admins.Count == 0));
        }

        return admins;
    }

    /// <summary>Resellers are the clients allowed to make clients (<c>limit_client</c> not 0, as ISPConfig's own check).</summary>
    private Dictionary<long, Reseller> ReadResellers()
    {
        var resellers = new Dictionary<long, Reseller>();
        using var reader = Query("SELECT client_id, username, email, language FROM client WHERE limit_client <> 0 ORDER BY client_id");
        while (reader.Read())
        {
            var id = Cell.Number(reader, 0) ?? 0;
            if (Cell.Text(reader, 1) is not { Length: > 0 } name)
            {
                problems.RejectUnidentified(RecordKind.Reseller, "client", $"client_id {id}", "a reseller without a username");
                continue;
            }

            long? lveId = ResellerIdBase + id;
            if (lveId < uidMax || lveId > uint.MaxValue)
            {
                unmapped.Add($"reseller {name} (client_id {id}): its LVE id {lveId} would be outside {uidMax}..{uint.MaxValue}; listed without an id, so without reseller limits");
                lveId = null;
            }

            resellers[id] = new Reseller(name, new ResellerRow(name, lveId, Blank(Cell.Text(reader, 2)), Locale(Cell.Text(reader, 3))));
        }

        return resellers;
    }

    /// <summary>Packages are master client templates, owned by whoever made them: the admin group (client 0) or a reseller.</summary>
    private Dictionary<long, (string Owner, string Name)> ReadPackages(string main, Dictionary<long, Reseller> resellers)
    {
        var packages = new Dictionary<long, (string, string)>();
        using var reader = Query("SELECT t.template_id, t.template_name, g.client_id FROM client_template t LEFT JOIN sys_group g ON g.groupid = t.sys_groupid WHERE t.template_type = 'm' ORDER BY t.template_id");
        while (reader.Read())
        {
            var id = Cell.Number(reader, 0) ?? 0;
            var name = Cell.Text(reader, 1);
            var client = Cell.Number(reader, 2) ?? 0;
            if (name is not { Length: > 0 })
            {
                problems.RejectUnidentified(RecordKind.Package, "client_template", $"template_id {id}", "a template without a name");
                rejectedTemplates.Add(id);
                continue;
            }

            if (client == 0)
                packages[id] = (main, name);
            else if (resellers.TryGetValue(client, out var reseller))
                packages[id] = (reseller.Name, name);
            else
                unmapped.Add($"client template {name} (template_id {id}): its group belongs to client {client}, which is not a reseller; not a package");
        }

        return packages;
    }

    private PhpCatalogue ReadPhp(IspConfigGeneration generation)
    {
        var rows = new List<IspConfigPhp.Row>();
        using (var reader = Query("SELECT server_php_id, name, php_fastcgi_binary, php_fastcgi_ini_dir, php_fpm_init_script, php_fpm_ini_dir, php_fpm_pool_dir FROM server_php WHERE " + generation.ActivePhpFilter + ServerFilter("server_php", includeShared: true) + " ORDER BY server_php_id"))
        {
            while (reader.Read())
                rows.Add(new IspConfigPhp.Row(Cell.Number(reader, 0) ?? 0, Cell.Text(reader, 1), Cell.Text(reader, 2), Cell.Text(reader, 3), Cell.Text(reader, 4), Cell.Text(reader, 5), Cell.Text(reader, 6)));
        }

        var catalogue = new PhpCatalogue(rows);
        foreach (var row in rows)
        {
            var (php, problem) = IspConfigPhp.Map(row);
            if (php is not null)
                catalogue.Mapped[row.Id] = php;
            else
                unmapped.Add(problem!);
        }

        return catalogue;
    }

    private Dictionary<long, Website> ReadWebsites(IspConfigGeneration generation, string main, Dictionary<long, Reseller> resellers, Dictionary<long, (string Owner, string Name)> packages)
    {
        var sites = new Dictionary<long, Website>();
        var sql = "SELECT w.domain_id, w.domain, w.system_user, w.document_root, w.php, " + generation.PhpColumns("w") +
            ", c.client_id, c.parent_client_id, c.limit_client, c.email, c.language, c.template_master, c.username " +
            "FROM web_domain w LEFT JOIN sys_group g ON g.groupid = w.sys_groupid LEFT JOIN client c ON c.client_id = g.client_id AND g.client_id <> 0 " +
            "WHERE w.type = 'vhost'" + ServerFilter("w") + " ORDER BY w.domain_id";
        using var reader = Query(sql);
        while (reader.Read())
        {
            var id = Cell.Number(reader, 0) ?? 0;
            var domain = Cell.Text(reader, 1);
            var systemUser = Cell.Text(reader, 2);
            var root = Cell.Text(reader, 3);
            var row = $"domain_id {id} ({domain})";
            if (domain is not { Length: > 0 } || systemUser is not { Length: > 0 } || root is not { Length: > 0 })
            {
                Reject(id, "web_domain", row, "a website needs a domain, a system_user and a document_root");
                continue;
            }

            if (!passwd.TryGet(systemUser, out var uid, out var home))
            {
                unmapped.Add($"website {domain} (domain_id {id}): its system user {systemUser} is not in this host's /etc/passwd; not served, nor its domains and database users");
                skipped.Add(id);
                continue;
            }

            var owner = main;
            (string Owner, string Name)? package = null;
            string? email = null;
            var locale = "EN_us";
            if (Cell.Number(reader, 7) is { } client)
            {
                var parent = Cell.Number(reader, 8) ?? 0;
                email = Blank(Cell.Text(reader, 10));
                locale = Locale(Cell.Text(reader, 11));
                if ((Cell.Number(reader, 9) ?? 0) != 0)
                {
                    if (!resellers.TryGetValue(client, out var self))
                    {
                        Reject(id, "client", $"client_id {client}", $"the reseller that owns website {domain} (domain_id {id}) is not accepted");
                        continue;
                    }

                    owner = self.Name;
                }
                else if (parent > 0)
                {
                    if (!resellers.TryGetValue(parent, out var reseller))
                    {
                        Reject(id, "client", $"client_id {client}", $"parent_client_id {parent} is not a reseller (a client with limit_client other than 0)");
                        continue;
                    }

                    owner = reseller.Name;
                }

                var template = Cell.Number(reader, 12) ?? 0;
                if (rejectedTemplates.Contains(template))
                {
                    Reject(id, "client", $"client_id {client}", $"template_master {template} is not accepted");
                    continue;
                }

                if (template > 0)
                {
                    if (packages.TryGetValue(template, out var found))
                        package = found;
                    else
                        unmapped.Add($"client {Cell.Text(reader, 13)} (client_id {client}): template_master {template} is not a package; website {domain} is served without one");
                }
            }

            var user = new UserRow(systemUser, uid, owner, package?.Owner, package?.Name, email, locale, home.StartsWith('/') ? home.TrimEnd('/') is { Length: > 0 } h ? h : "/" : root);
            var served = Served(root, "web");
            var mainDomain = new SourceDomain(Id(id), new DomainRow(domain, systemUser, served, true, null, IspConfigPhp.Handler(Cell.Text(reader, 4))));
            sites[id] = new Website(id, new SourceUser(Id(id), user), mainDomain, root, Cell.Number(reader, 5), Cell.Text(reader, 6));
        }

        return sites;
    }

    /// <summary>Subdomains and aliases of each kind. Only active ones: ISPConfig leaves inactive ones out of the web server.</summary>
    private List<SourceDomain> ReadChildDomains(IspConfigGeneration generation, Dictionary<long, Website> sites, PhpCatalogue php)
    {
        var rows = new List<Child>();
        var sql = "SELECT d.domain_id, d.domain, d.type, d.parent_domain_id, d.web_folder, d.document_root, d.php, " + generation.PhpColumns("d") +
            " FROM web_domain d WHERE d.type IN ('" + string.Join("', '", ChildTypes) + "') AND d.active = 'y'" + ServerFilter("d") + " ORDER BY d.domain_id";
        using (var reader = Query(sql))
        {
            while (reader.Read())
            {
                rows.Add(new Child(Cell.Number(reader, 0) ?? 0, Cell.Text(reader, 1), Cell.Text(reader, 2) ?? "", Cell.Number(reader, 3) ?? 0,
                    Cell.Text(reader, 4), Cell.Text(reader, 5), Cell.Text(reader, 6), Cell.Number(reader, 7), Cell.Text(reader, 8)));
            }
        }

        var byId = rows.ToDictionary(r => r.Id);
        var domains = new List<SourceDomain>();
        foreach (var child in rows)
        {
            var row = $"domain_id {child.Id} ({child.Domain})";
            if (child.Domain is not { Length: > 0 })
            {
                problems.Reject(RecordKey.Domain(Id(child.Id)), "web_domain", row, "a domain without a name");
                continue;
            }

            // The website above: a subdomain or alias may hang below a vhost subdomain, which hangs below the website.
            var parent = child.ParentId;
            Child? via = null;
            for (var depth = 0; depth < 4 && !sites.ContainsKey(parent) && byId.TryGetValue(parent, out var up); depth++)
            {
                via ??= up;
                parent = up.ParentId;
            }

            if (!sites.TryGetValue(parent, out var site))
            {
                if (!skipped.Contains(parent))
                    unmapped.Add($"{child.Type} {child.Domain} (domain_id {child.Id}): parent_domain_id {child.ParentId} is not a website served by this host");
                continue;
            }

            string served;
            string? phpId;
            string? handler;
            if (child.Type is "vhostsubdomain" or "vhostalias")
            {
                // A website of its own below the parent's folder: document_root/web_folder.
                if (child.WebFolder?.Trim('/') is not { Length: > 0 } folder)
                {
                    problems.Reject(RecordKey.Domain(Id(child.Id)), "web_domain", row, $"a {child.Type} without a web_folder");
                    continue;
                }

                served = Served(child.DocumentRoot is { Length: > 0 } own ? own : site.Root, folder);
                phpId = php.Identifier(child.ServerPhpId, child.LegacyPhp, row, unmapped);
                handler = IspConfigPhp.Handler(child.Php);
            }
            else if (via is { Type: "vhostsubdomain" or "vhostalias" } vhostChild && vhostChild.WebFolder?.Trim('/') is { Length: > 0 } viaFolder)
            {
                // Served by that vhost subdomain's own virtual host.
                served = Served(vhostChild.DocumentRoot is { Length: > 0 } own ? own : site.Root, viaFolder);
                phpId = php.Identifier(vhostChild.ServerPhpId, vhostChild.LegacyPhp, row, unmapped);
                handler = IspConfigPhp.Handler(vhostChild.Php);
            }
            else
            {
                // A server alias of the website's own virtual host: its folder and its PHP.
                served = site.Main.Row.DocumentRoot;
                phpId = site.MainPhp;
                handler = site.Main.Row.Handler;
            }

            domains.Add(new SourceDomain(Id(child.Id), new DomainRow(child.Domain, site.User.Row.Username, served, false, phpId, handler)));
        }

        return domains;
    }

    private void ResolveMainPhp(Dictionary<long, Website> sites, PhpCatalogue php)
    {
        foreach (var site in sites.Values)
        {
            site.MainPhp = php.Identifier(site.ServerPhpId, site.LegacyPhp, $"domain_id {site.Id} ({site.Main.Row.Name})", unmapped);
            site.Main = site.Main with { Row = site.Main.Row with { PhpVersionId = site.MainPhp } };
        }
    }

    /// <summary>
    /// Database users of this host's websites, through the databases that use them (read-write or
    /// read-only). A login used by the databases of one client is that client's: the account of its
    /// first website on this host that uses it (the lowest domain_id). A login shared by several
    /// clients (the admin's websites count as client 0) is reported and left out: the Governor map
    /// gives a login one account.
    /// </summary>
    private List<DbUserRow> ReadDbUsers(Dictionary<long, Website> sites)
    {
        var uses = new Dictionary<string, SortedSet<(long Client, long Website)>>(StringComparer.Ordinal);
        var filter = ServerFilter("w");
        const string From = " FROM web_database d JOIN web_domain w ON w.domain_id = d.parent_domain_id LEFT JOIN sys_group g ON g.groupid = w.sys_groupid";
        var sql = "SELECT u.database_user, d.parent_domain_id, g.client_id" + From + " JOIN web_database_user u ON u.database_user_id = d.database_user_id WHERE 1 = 1" + filter +
            " UNION SELECT u.database_user, d.parent_domain_id, g.client_id" + From + " JOIN web_database_user u ON u.database_user_id = d.database_ro_user_id WHERE 1 = 1" + filter;
        using (var reader = Query(sql))
        {
            while (reader.Read())
            {
                if (Cell.Text(reader, 0) is not { Length: > 0 } name)
                    continue;
                if (!uses.TryGetValue(name, out var set))
                    uses[name] = set = [];
                set.Add((Cell.Number(reader, 2) ?? 0, Cell.Number(reader, 1) ?? 0));
            }
        }

        var rows = new List<DbUserRow>();
        foreach (var (name, used) in uses)
        {
            var clients = used.Select(u => u.Client).Distinct().ToList();
            if (clients.Count > 1)
            {
                unmapped.Add($"database user {name}: used by the databases of clients {string.Join(", ", clients)} (websites {string.Join(", ", used.Select(u => u.Website).Order())}); the Governor map gives a database user one account, so it is left out");
                continue;
            }

            if (used.Select(u => u.Website).Where(sites.ContainsKey).Order().FirstOrDefault() is var first && sites.TryGetValue(first, out var site))
                rows.Add(new DbUserRow(name, site.User.Row.Username));
        }

        return rows;
    }

    /// <summary>
    /// A website that cannot be accepted (docs/contract.md section 8): its account and main domain keep
    /// their served versions, and so do its subdomains and aliases, which are not reported again.
    /// </summary>
    private void Reject(long website, string table, string row, string reason)
    {
        problems.Reject(RecordKey.User(Id(website)), table, row, reason);
        problems.Reject(RecordKey.Domain(Id(website)), table, row, reason);
        skipped.Add(website);
    }

    /// <summary>A website's files are served from document_root/web, a vhost subdomain's from document_root/web_folder.</summary>
    private static string Served(string root, string folder) => root.TrimEnd('/') + "/" + folder.Trim('/');

    /// <summary>ISPConfig keeps a two-letter language; the contract's locale codes look like EN_us.</summary>
    internal static string Locale(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        null or "" or "en" => "EN_us",
        var l when l.Length == 2 && l.All(char.IsAsciiLetterLower) => l.ToUpperInvariant() + "_" + l,
        _ => "EN_us",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private string ServerFilter(string alias, bool includeShared = false) =>
        server is null ? "" : includeShared ? $" AND {alias}.server_id IN (0, @server)" : $" AND {alias}.server_id = @server";

    private DbDataReader Query(string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (server is { } id && sql.Contains("@server", StringComparison.Ordinal))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@server";
            parameter.Value = id;
            command.Parameters.Add(parameter);
        }

        return command.ExecuteReader();
    }

    private sealed record Reseller(string Name, ResellerRow Row);

    private sealed record Child(long Id, string? Domain, string Type, long ParentId, string? WebFolder, string? DocumentRoot, string? Php, long? ServerPhpId, string? LegacyPhp);

    private sealed class Website(long id, SourceUser user, SourceDomain main, string root, long? serverPhpId, string? legacyPhp)
    {
        public long Id => id;

        public SourceUser User => user;

        public SourceDomain Main { get; set; } = main;

        public string Root => root;

        public long? ServerPhpId => serverPhpId;

        public string? LegacyPhp => legacyPhp;

        public string? MainPhp { get; set; }

    }

    /// <summary>The PHP versions of this host's web server, by server_php_id, and the website references resolved against them.</summary>
    private sealed class PhpCatalogue(List<IspConfigPhp.Row> rows)
    {
        public Dictionary<long, PhpVersionRow> Mapped { get; } = [];

        /// <summary>Every build served; its fallback is what a website without a mapped PHP names.</summary>
        public HostPhp? Host { get; set; }

        public string? Identifier(long? serverPhpId, string? legacy, string row, List<string> unmapped)
        {
            IspConfigPhp.Row? target = null;
            if (serverPhpId is > 0 and { } id)
            {
                target = rows.FirstOrDefault(r => r.Id == id);
                if (target is null)
                {
                    unmapped.Add(new UnmappedPhp($"web_domain {row}", $"server_php_id {id}", "is not an active PHP version of this server", Host?.DefaultName).Line);
                    return Host?.Fallback;
                }
            }
            else
            {
                target = IspConfigPhp.ByLegacyValue(rows, legacy);
                if (target is null && !string.IsNullOrEmpty(legacy))
                {
                    unmapped.Add(new UnmappedPhp($"web_domain {row}", $"fastcgi_php_version '{legacy}'", "names no active PHP version of this server", Host?.DefaultName).Line);
                    return Host?.Fallback;
                }
            }

            return target is not null && Mapped.TryGetValue(target.Id, out var php) ? php.Identifier : Host?.Fallback;
        }
    }
}
