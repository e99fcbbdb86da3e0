using System.Globalization;
using System.Text;

namespace Cpvendor.Host.Virtualmin;

/// <summary>
/// A sample Virtualmin panel in Virtualmin's own format (docs/panels/virtualmin.md), for the
/// quickstart: the module folder with its <c>config</c>, <c>domains/ID</c> and <c>plans/ID</c>
/// files and a reseller's ACL, and the UNIX users in ROOT/etc/passwd. Top-level servers rotate
/// through the PHP modes, some carry a sub-server, an alias or a MySQL login, some belong to a
/// reseller; one server's UNIX user is missing on purpose, to show how that is reported.
/// </summary>
public static class VirtualminSample
{
    public const string ConfigDir = "etc/webmin/virtual-server";

    public static readonly (string Identifier, string Version)[] PhpVersions = [("alt-php74", "7.4"), ("alt-php81", "8.1"), ("alt-php82", "8.2")];

    private static readonly (string Mode, string Version)[] PhpModes = [("fpm", "8.2"), ("fpm", "8.1"), ("cgi", "7.4"), ("fcgid", "8.1"), ("mod_php", "")];

    public sealed record Written(int Servers, int SubServers, int Aliases, string MissingUser);

    public static Written Write(string root, int accounts)
    {
        var dir = Path.Combine(root, ConfigDir);
        var domains = Path.Combine(dir, "domains");
        var plans = Path.Combine(dir, "plans");
        foreach (var folder in new[] { domains, plans })
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.CreateDirectory(Path.Combine(root, "etc"));
        File.WriteAllText(Path.Combine(dir, "config"), "home_base=/home\nmysql=1\nweb=1\npre_command=\npost_command=\n");
        Save(Path.Combine(dir, "res1.acl"), [("noconfig", "1"), ("reseller", "1"), ("create", "1")]);
        Save(Path.Combine(plans, "101"), [("id", "101"), ("name", "Starter"), ("owner", ""), ("quota", "1048576")]);
        Save(Path.Combine(plans, "102"), [("id", "102"), ("name", "Business"), ("owner", ""), ("quota", "4194304")]);
        Save(Path.Combine(plans, "103"), [("id", "103"), ("name", "Gold"), ("owner", "res1"), ("quota", "2097152")]);

        var passwd = new StringBuilder("root:x:0:0:root:/root:/bin/bash\n");
        int subs = 0, aliases = 0;
        var next = 1_764_600_000_000_000L;
        string Id() => (next++).ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i <= accounts + 1; i++)
        {
            var user = "site" + i.ToString("D4", CultureInfo.InvariantCulture);
            var uid = (20_000 + i).ToString(CultureInfo.InvariantCulture);
            var dom = user + ".example";
            var home = "/home/" + user;
            var missing = i == accounts + 1;
            if (!missing)
                passwd.Append(CultureInfo.InvariantCulture, $"{user}:x:{uid}:{uid}::{home}:/bin/bash\n");
            var (mode, version) = PhpModes[i % PhpModes.Length];
            var reseller = i % 3 == 0 ? "res1" : "";
            var plan = reseller.Length > 0 ? "103" : i % 2 == 0 ? "102" : "101";
            var mysql = i % 2 == 0;
            var id = Id();
            var keys = new List<(string, string)>
            {
                ("id", id), ("dom", dom), ("user", user), ("group", user), ("uid", uid), ("gid", uid), ("ugid", uid),
                ("email", user + "@" + dom), ("prefix", user), ("home", home), ("parent", ""), ("alias", ""), ("unix", "1"),
                ("dir", "1"), ("web", "1"), ("dns", "1"), ("mail", "1"), ("mysql", mysql ? "1" : "0"), ("plan", plan),
                ("reseller", reseller), ("public_html_path", home + "/public_html"),
            };
            if (mysql)
                keys.Add(("mysql_user", user));
            keys.AddRange(Php(mode, version));
            Save(Path.Combine(domains, id), keys);
            if (i % 4 == 0)
            {
                subs++;
                var subHome = home + "/domains/shop." + dom;
                var sub = new List<(string, string)>
                {
                    ("id", Id()), ("dom", "shop." + dom), ("user", user), ("uid", uid), ("gid", uid), ("home", subHome), ("parent", id),
                    ("alias", ""), ("unix", "0"), ("web", "1"), ("mysql", mysql ? "1" : "0"), ("public_html_path", subHome + "/public_html"),
                };
                sub.AddRange(Php("fpm", "8.2"));
                Save(Path.Combine(domains, sub[0].Item2), sub);
            }

            if (i % 5 == 0)
            {
                aliases++;
                var aliasId = Id();
                Save(Path.Combine(domains, aliasId), [("id", aliasId), ("dom", user + ".example.net"), ("user", user), ("uid", uid), ("parent", id), ("alias", id), ("unix", "0"), ("web", "1")]);
            }
        }

        File.WriteAllText(Path.Combine(root, "etc/passwd"), passwd.ToString());
        return new Written(accounts + 1, subs, aliases, "site" + (accounts + 1).ToString("D4", CultureInfo.InvariantCulture));
    }

    private static IEnumerable<(string, string)> Php(string mode, string version) => mode switch
    {
        "fpm" => [("php_mode", mode), ("php_fpm_version", version)],
        "cgi" or "fcgid" => [("php_mode", mode), ("php_version", version)],
        _ => [("php_mode", mode)],
    };

    private static void Save(string path, IEnumerable<(string Key, string Value)> keys)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in keys)
            text.Append(key).Append('=').Append(value).Append('\n');
        File.WriteAllText(path, text.ToString());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
