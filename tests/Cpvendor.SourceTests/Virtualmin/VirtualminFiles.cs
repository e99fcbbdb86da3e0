using System.Globalization;
using System.Text;

namespace Cpvendor.SourceTests.Virtualmin;

/// <summary>
/// A Virtualmin module folder under a test root, written the way Virtualmin writes it: one
/// <c>name=value</c> line per key of a record (Webmin's writer), <c>domains/ID</c> and
/// <c>plans/ID</c> files of mode 0700 folders, a reseller's <c>NAME.acl</c>, the module
/// <c>config</c>; plus the root's <c>etc/passwd</c> with the servers' UNIX users.
/// </summary>
public sealed class VirtualminFiles
{
    private readonly Dictionary<string, List<KeyValuePair<string, string>>> domains = new(StringComparer.Ordinal);

    public VirtualminFiles(string root)
    {
        Root = root;
        Directory.CreateDirectory(DomainsDir);
        Directory.CreateDirectory(PlansDir);
        File.SetUnixFileMode(DomainsDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(PlansDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(root, "etc"));
        if (!File.Exists(Passwd))
            File.WriteAllText(Passwd, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        if (!File.Exists(ConfigFile))
            File.WriteAllText(ConfigFile, "mail_system=0\nhome_base=/home\nmysql=1\npre_command=\npost_command=\nbw_active=0\n");
    }

    public string Root { get; }

    public string ConfigDir => Path.Combine(Root, "etc/webmin/virtual-server");

    public string DomainsDir => Path.Combine(ConfigDir, "domains");

    public string PlansDir => Path.Combine(ConfigDir, "plans");

    public string ConfigFile => Path.Combine(ConfigDir, "config");

    public string Passwd => Path.Combine(Root, "etc/passwd");

    public void UnixUser(string name, uint uid) =>
        File.AppendAllText(Passwd, $"{name}:x:{uid}:{uid}::/home/{name}:/bin/bash\n");

    public void RemoveUnixUser(string name) =>
        File.WriteAllLines(Passwd, File.ReadAllLines(Passwd).Where(l => !l.StartsWith(name + ":", StringComparison.Ordinal)));

    public void Reseller(string name) =>
        Write(Path.Combine(ConfigDir, name + ".acl"), [new("noconfig", "1"), new("reseller", "1"), new("domains", ""), new("create", "1")]);

    public void Plan(string id, string name, string owner = "", bool deleted = false)
    {
        var keys = new List<KeyValuePair<string, string>> { new("id", id), new("name", name), new("owner", owner), new("quota", "1048576"), new("domslimit", "5") };
        if (deleted)
            keys.Add(new("deleted", "1"));
        keys.Add(new("file", Path.Combine("/etc/webmin/virtual-server/plans", id)));
        Write(Path.Combine(PlansDir, id), keys);
    }

    /// <summary>A top-level server with its UNIX user, as create-domain.pl saves one.</summary>
    public void TopLevel(string id, string dom, string user, uint uid, string plan = "", string reseller = "", string phpMode = "fpm", string phpVersion = "8.2", bool mysql = true)
    {
        var keys = new List<KeyValuePair<string, string>>
        {
            new("id", id), new("dom", dom), new("user", user), new("group", user), new("ugroup", user),
            new("uid", uid.ToString(CultureInfo.InvariantCulture)), new("gid", uid.ToString(CultureInfo.InvariantCulture)),
            new("ugid", uid.ToString(CultureInfo.InvariantCulture)), new("owner", "Server of " + user), new("email", user + "@" + dom),
            new("emailto", user + "@" + dom), new("prefix", user), new("home", "/home/" + user), new("parent", ""), new("alias", ""),
            new("subdom", ""), new("unix", "1"), new("dir", "1"), new("web", "1"), new("ssl", "1"), new("dns", "1"), new("mail", "1"),
            new("mysql", mysql ? "1" : "0"), new("db_mysql", mysql ? user : ""), new("plan", plan), new("template", "0"),
            new("reseller", reseller), new("public_html_dir", "public_html"), new("public_html_path", "/home/" + user + "/public_html"),
            new("created", "1764590000"), new("creator", "root"),
        };
        if (mysql)
            keys.Add(new("mysql_user", user));
        Php(keys, phpMode, phpVersion);
        Domain(id, keys);
    }

    /// <summary>A sub-server: its parent's UNIX user, its own home under the parent's domains/ folder.</summary>
    public void SubServer(string id, string parent, string dom, string phpMode = "fpm", string phpVersion = "8.2")
    {
        var top = domains[parent];
        string Of(string key) => top.First(k => k.Key == key).Value;
        var home = Of("home") + "/domains/" + dom;
        var keys = new List<KeyValuePair<string, string>>
        {
            new("id", id), new("dom", dom), new("user", Of("user")), new("group", Of("group")), new("uid", Of("uid")), new("gid", Of("gid")),
            new("ugid", Of("ugid")), new("email", Of("email")), new("prefix", dom.Split('.')[0]), new("home", home), new("parent", parent),
            new("alias", ""), new("subdom", ""), new("unix", "0"), new("dir", "1"), new("web", "1"), new("dns", "1"), new("mail", "1"),
            new("mysql", Of("mysql")), new("mysql_user", Of("mysql_user")), new("template", "1"), new("reseller", ""),
            new("public_html_dir", "public_html"), new("public_html_path", home + "/public_html"), new("created", "1764590100"),
        };
        Php(keys, phpMode, phpVersion);
        Domain(id, keys);
    }

    /// <summary>An alias server of <paramref name="target"/>: no home, no php_mode of its own until Virtualmin copies it.</summary>
    public void Alias(string id, string parent, string target, string dom) =>
        Domain(id,
        [
            new("id", id), new("dom", dom), new("user", Get(parent, "user")), new("uid", Get(parent, "uid")), new("gid", Get(parent, "gid")),
            new("parent", parent), new("alias", target), new("subdom", ""), new("unix", "0"), new("dir", "0"), new("web", "1"),
            new("dns", "1"), new("mail", "0"), new("mysql", "0"), new("template", "1"), new("aliasmail", "0"), new("created", "1764590200"),
        ]);

    /// <summary>
    /// A database-only user of a server, as Virtualmin's users-lib.pl saves one:
    /// <c>users/DOMID/db/NAME.user</c> in a 0700 folder, with the login, its kind, its password hash
    /// and its databases by type.
    /// </summary>
    public void DbUser(string domainId, string user, string mysqlDatabases, string postgresDatabases = "")
    {
        var dir = Path.Combine(ConfigDir, "users", domainId, "db");
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var keys = new List<KeyValuePair<string, string>> { new("user", user), new("type", "db"), new("extra", "1"), new("mysql_pass", "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19") };
        if (mysqlDatabases.Length > 0)
            keys.Add(new("db_mysql", mysqlDatabases));
        if (postgresDatabases.Length > 0)
            keys.Add(new("db_postgres", postgresDatabases));
        Write(Path.Combine(dir, user + ".user"), keys);
    }

    public void DeleteDbUser(string domainId, string user) => File.Delete(Path.Combine(ConfigDir, "users", domainId, "db", user + ".user"));

    public string Get(string id, string key) => domains[id].First(k => k.Key == key).Value;

    /// <summary>Changes keys of a saved record in place (Webmin's writer keeps the order of the lines).</summary>
    public void Modify(string id, params (string Key, string Value)[] changes)
    {
        var keys = domains[id];
        foreach (var (key, value) in changes)
        {
            var index = keys.FindIndex(k => k.Key == key);
            if (index < 0)
                keys.Add(new(key, value));
            else
                keys[index] = new(key, value);
        }

        Domain(id, keys);
    }

    public void Delete(string id)
    {
        domains.Remove(id);
        File.Delete(Path.Combine(DomainsDir, id));
    }

    /// <summary>
    /// What Virtualmin puts into the environment of its pre/post-change command for a server: the
    /// action, every key as VIRTUALSERVER_KEY (upper case, '-' as '_'), the IDN name, and for a
    /// sub-server its parent's keys as PARENT_VIRTUALSERVER_KEY.
    /// </summary>
    public Dictionary<string, string> Environment(string action, string id, IReadOnlyList<KeyValuePair<string, string>>? record = null)
    {
        var keys = record ?? domains[id];
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["VIRTUALSERVER_ACTION"] = action };
        foreach (var (key, value) in keys)
            env["VIRTUALSERVER_" + key.ToUpperInvariant().Replace('-', '_')] = value;
        env["VIRTUALSERVER_IDNDOM"] = keys.First(k => k.Key == "dom").Value;
        var parent = keys.FirstOrDefault(k => k.Key == "parent").Value;
        if (!string.IsNullOrEmpty(parent) && domains.TryGetValue(parent, out var p))
        {
            foreach (var (key, value) in p)
                env["PARENT_VIRTUALSERVER_" + key.ToUpperInvariant().Replace('-', '_')] = value;
        }

        return env;
    }

    public IReadOnlyList<KeyValuePair<string, string>> Record(string id) => domains[id].ToList();

    private void Domain(string id, List<KeyValuePair<string, string>> keys)
    {
        domains[id] = keys;
        Write(Path.Combine(DomainsDir, id), keys);
    }

    private static void Php(List<KeyValuePair<string, string>> keys, string mode, string version)
    {
        keys.Add(new("php_mode", mode));
        if (mode == "fpm")
            keys.Add(new("php_fpm_version", version));
        else if (mode is "cgi" or "fcgid")
            keys.Add(new("php_version", version));
    }

    private static void Write(string path, IEnumerable<KeyValuePair<string, string>> keys)
    {
        // Webmin writes a new file and renames it over the old one.
        var text = new StringBuilder();
        foreach (var (key, value) in keys)
            text.Append(key).Append('=').Append(value).Append('\n');
        var temp = path + ".webmintmp." + System.Environment.ProcessId;
        File.WriteAllText(temp, text.ToString());
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}
