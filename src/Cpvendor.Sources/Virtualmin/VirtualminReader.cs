using Cpvendor.Core.Webmin;
using Cpvendor.Sources.Php;
using Cpvendor.Sources.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>
/// Maps Virtualmin's virtual-server files onto a <see cref="PanelSnapshot"/> field by field, as
/// docs/panels/virtualmin.md sets out (docs/contract.md section 3 for what each script answers).
/// A malformed record (a uid that is not a number, a server without a name, two files with one id)
/// is rejected alone like a bad view row (docs/contract.md section 8), and so are the accounts of a
/// rejected plan; a well-formed record that cannot be
/// served on this host (its UNIX user is missing, its reseller or plan is not there) is left out
/// and listed in <see cref="Result.Unmapped"/>, never dropped in silence nor patched up.
/// </summary>
internal sealed class VirtualminReader(VirtualminLayout layout, string root, HostPhp php)
{
    /// <summary>The master administrator: Webmin's root user, who owns every server no reseller owns.</summary>
    public const string MainAdmin = "root";

    private const string Locale = "EN_us";

    /// <summary>Plans whose file was rejected: their accounts keep what they were served with.</summary>
    private readonly HashSet<string> rejectedPlans = new(StringComparer.Ordinal);

    public sealed record Result(PanelSnapshot Snapshot, IReadOnlyList<string> Unmapped);

    public Result Read(SourceProblems problems)
    {
        if (!Directory.Exists(layout.ConfigDir))
            throw Core.CpvendorException.Io($"{layout.ConfigDir} does not exist: is Virtualmin installed here? (cpvendor settings source virtualmin --config-dir DIR)");
        var unmapped = new List<string>();
        var servers = ReadServers(problems);
        var resellers = layout.Resellers().ToHashSet(StringComparer.Ordinal);
        resellers.Remove(MainAdmin);
        var plans = ReadPlans(problems, resellers, unmapped);
        var passwd = PasswdFile.Read(root);

        var users = new List<SourceUser>();
        var accounts = new Dictionary<string, UserRow>(StringComparer.Ordinal);
        var usedPlans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var server in servers.Values.Where(s => s.IsTopLevel))
        {
            if (MapAccount(server, problems, resellers, plans, passwd, unmapped, servers) is not { } row)
                continue;
            accounts[server.Id] = row;
            users.Add(new SourceUser(server.Id, row));
            if (row.PackageName is not null)
                usedPlans.Add(server.Plan);
        }

        var domains = new List<SourceDomain>();
        foreach (var server in servers.Values)
        {
            var top = server.IsTopLevel ? server : servers.GetValueOrDefault(server.Parent);
            if (top is null)
            {
                unmapped.Add($"domains/{server.FileName} ({server.Dom}): its parent server {server.Parent} does not exist; the domain is not served");
                continue;
            }

            if (!accounts.TryGetValue(top.Id, out var owner))
                continue;
            if (server.Dom.Length == 0)
            {
                problems.Reject(RecordKey.Domain(server.Id), "virtualmin domains", server.FileName, "has no dom (domain name)");
                continue;
            }

            var (phpId, handler) = Php(server, servers, unmapped);
            domains.Add(new SourceDomain(server.Id, new DomainRow(server.Dom, owner.Username, DocumentRoot(server, servers, 0), server.IsTopLevel, phpId, handler)));
        }

        var packages = plans.Values
            .Where(p => !p.Deleted || usedPlans.Contains(p.Id))
            .Select(p => new PackageRow(p.Owner, p.Name))
            .ToList();
        var snapshot = new PanelSnapshot(
            [new AdminRow(MainAdmin, MainAdmin, null, Locale, true)],
            resellers.Order(StringComparer.Ordinal).Select(r => new ResellerRow(r, null, null, Locale)).ToList(),
            packages,
            users,
            domains,
            DbUsers(servers, accounts, unmapped),
            php.Builds);
        return new Result(snapshot, unmapped);
    }

    private SortedDictionary<string, VirtualServer> ReadServers(SourceProblems problems)
    {
        var servers = new SortedDictionary<string, VirtualServer>(StringComparer.Ordinal);
        foreach (var file in layout.DomainFiles())
        {
            var server = new VirtualServer(KeyValueFile.Read(file), Path.GetFileName(file));
            if (servers.TryAdd(server.Id, server))
                continue;
            // Neither file can be told to be the record: both wait, and the record keeps its served version.
            var why = $"id {server.Id} is also the id of domains/{servers[server.Id].FileName}";
            problems.Reject(RecordKey.Domain(server.Id), "virtualmin domains", server.FileName, why);
            if (server.IsTopLevel || servers[server.Id].IsTopLevel)
                problems.Reject(RecordKey.User(server.Id), "virtualmin domains", server.FileName, why);
        }

        return servers;
    }

    private sealed record Plan(string Id, string Name, string Owner, bool Deleted);

    private Dictionary<string, Plan> ReadPlans(SourceProblems problems, HashSet<string> resellers, List<string> unmapped)
    {
        var plans = new Dictionary<string, Plan>(StringComparer.Ordinal);
        foreach (var file in layout.PlanFiles())
        {
            var keys = KeyValueFile.Read(file);
            var id = Path.GetFileName(file);
            var name = keys.GetValueOrDefault("name") ?? "";
            if (name.Length == 0)
            {
                problems.RejectUnidentified(RecordKind.Package, "virtualmin plans", id, "has no name");
                rejectedPlans.Add(id);
                continue;
            }

            var owner = keys.GetValueOrDefault("owner") is { Length: > 0 } o ? o : MainAdmin;
            if (owner != MainAdmin && !resellers.Contains(owner))
            {
                unmapped.Add($"plans/{id} ({name}): its owner '{owner}' is not a reseller (no {owner}.acl with reseller=1); the plan is not served");
                continue;
            }

            plans[id] = new Plan(id, name, owner, keys.GetValueOrDefault("deleted") is { Length: > 0 } d && d != "0");
        }

        return plans;
    }

    private UserRow? MapAccount(VirtualServer server, SourceProblems problems, HashSet<string> resellers, Dictionary<string, Plan> plans, Dictionary<string, uint> passwd, List<string> unmapped, SortedDictionary<string, VirtualServer> servers)
    {
        var what = $"domains/{server.FileName} ({server.Dom})";
        var family = servers.Values.Count(s => s.Parent == server.Id);
        var also = family > 0 ? $" with its {family} sub-server(s) and alias(es)" : "";
        if (!server.HasUnixUser)
        {
            unmapped.Add($"{what}: a top-level server without a UNIX user is no CloudLinux account; not served{also}");
            return null;
        }

        if (server.Uid is not { } uid || uid > uint.MaxValue)
        {
            problems.Reject(RecordKey.User(server.Id), "virtualmin domains", server.FileName, $"uid '{server.Get("uid")}' is not a UNIX id");
            return null;
        }

        if (!server.Home.StartsWith('/'))
        {
            problems.Reject(RecordKey.User(server.Id), "virtualmin domains", server.FileName, $"home '{server.Home}' is not an absolute path");
            return null;
        }

        if (!passwd.TryGetValue(server.User, out var hostUid))
        {
            unmapped.Add($"{what}: UNIX user '{server.User}' does not exist on this host; not served{also}");
            return null;
        }

        if (hostUid != uid)
        {
            unmapped.Add($"{what}: UNIX user '{server.User}' has uid {uid} in Virtualmin but {hostUid} on this host; not served{also}");
            return null;
        }

        var owner = MainAdmin;
        if (server.Reseller is { } reseller)
        {
            if (!resellers.Contains(reseller))
            {
                unmapped.Add($"{what}: its reseller '{reseller}' does not exist (no {reseller}.acl with reseller=1); not served{also}");
                return null;
            }

            owner = reseller;
        }

        if (rejectedPlans.Contains(server.Plan))
        {
            problems.Reject(RecordKey.User(server.Id), "virtualmin domains", server.FileName, $"its plan {server.Plan} is not accepted");
            return null;
        }

        Plan? plan = null;
        if (server.Plan.Length > 0 && !plans.TryGetValue(server.Plan, out plan))
            unmapped.Add($"{what}: its plan {server.Plan} cannot be served (missing or unmapped); the account is served without a package");
        return new UserRow(server.User, (uint)uid, owner, plan?.Owner, plan?.Name, server.Email, Locale, server.Home.TrimEnd('/') is { Length: > 0 } h ? h : "/");
    }

    /// <summary>
    /// Where the web server serves a domain from: the <c>public_html_path</c> Virtualmin caches in
    /// the file; for an old-style sub-domain (<c>subdom</c>), its <c>subprefix</c> under the
    /// document root of the domain it lives in; for an alias, its target's; else HOME/public_html.
    /// </summary>
    private static string DocumentRoot(VirtualServer server, SortedDictionary<string, VirtualServer> servers, int depth)
    {
        string path;
        if (server.Get("public_html_path") is { Length: > 0 } cached)
            path = cached;
        else if (depth < 4 && server.Subdom.Length > 0 && servers.TryGetValue(server.Subdom, out var under))
            path = DocumentRoot(under, servers, depth + 1) + "/" + server.Get("subprefix");
        else if (depth < 4 && server.Alias.Length > 0 && servers.TryGetValue(server.Alias, out var target))
            path = DocumentRoot(target, servers, depth + 1);
        else
            path = server.Home.TrimEnd('/') + "/public_html";
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }

    /// <summary>
    /// The PHP of a domain: <c>php_mode</c> fpm runs <c>php_fpm_version</c> under FPM; cgi and fcgid
    /// run <c>php_version</c> as CGI; mod_php, none or no mode leave both to the panel's defaults.
    /// An alias follows its target. The version is matched to a build of this host by its X.Y
    /// version (<see cref="HostPhp.ForVersion"/>); one that matches none gets the default PHP and is listed.
    /// </summary>
    private (string? Id, string? Handler) Php(VirtualServer server, SortedDictionary<string, VirtualServer> servers, List<string> unmapped)
    {
        var source = server.Alias.Length > 0 && servers.TryGetValue(server.Alias, out var target) ? target : server;
        var mode = server.Get("php_mode") is { Length: > 0 } own ? own : source.Get("php_mode");
        var (handler, version) = mode switch
        {
            "fpm" => ("fpm", source.Get("php_fpm_version")),
            "cgi" or "fcgid" => ("cgi", source.Get("php_version")),
            _ => ((string?)null, ""),
        };
        if (version.Length == 0)
            return (php.Fallback, handler);
        if (php.ForVersion(version) is { } match)
            return (match, handler);
        unmapped.Add(new UnmappedPhp($"domains/{server.FileName} ({server.Dom})", version,
            "is not among this host's PHP builds (found on the host or added with cpvendor settings php add)", php.DefaultName).Line);
        return (php.Fallback, handler);
    }

    /// <summary>
    /// Every MySQL login of each account: the <c>mysql_user</c> of its servers (a sub-server without
    /// one uses its parent's), and the database-only users of each of its servers
    /// (<c>users/DOMID/db/NAME.user</c>: the login is the file's <c>user</c>, a MySQL one when the
    /// file lists MySQL databases in <c>db_mysql</c> or the server has MySQL on). A login that two
    /// accounts claim is left to the validator, which refuses it like any duplicate db_user.
    /// </summary>
    private List<DbUserRow> DbUsers(SortedDictionary<string, VirtualServer> servers, Dictionary<string, UserRow> accounts, List<string> unmapped)
    {
        var rows = new List<DbUserRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Claim(string login, string owner)
        {
            if (seen.Add(login + "\u0000" + owner))
                rows.Add(new DbUserRow(login, owner));
        }

        foreach (var server in servers.Values)
        {
            var topId = server.IsTopLevel ? server.Id : server.Parent;
            if (!accounts.TryGetValue(topId, out var owner))
                continue;
            if (server.HasMySql)
            {
                var login = server.MySqlUser.Length > 0 ? server.MySqlUser : servers[topId].MySqlUser;
                if (login.Length == 0)
                    unmapped.Add($"domains/{server.FileName} ({server.Dom}): MySQL is on but the file names no mysql_user; no database user is mapped");
                else
                    Claim(login, owner.Username);
            }

            foreach (var file in layout.DbUserFiles(server.Id))
            {
                var keys = KeyValueFile.Read(file);
                var login = keys.GetValueOrDefault("user") ?? "";
                if (login.Length == 0 || login.Any(char.IsControl))
                {
                    unmapped.Add($"users/{server.Id}/db/{Path.GetFileName(file)} ({server.Dom}): names no user; not mapped");
                    continue;
                }

                if (server.HasMySql || keys.GetValueOrDefault("db_mysql") is { Length: > 0 })
                    Claim(login, owner.Username);
            }
        }

        return rows;
    }
}
