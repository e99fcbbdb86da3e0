using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Sources.IspConfig;
using Cpvendor.Sources.Validation;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.IspConfig;

/// <summary>
/// ISPConfig 3 as a source (docs/panels/ispconfig.md): a two-web-server panel in ISPConfig's own
/// tables, in both schema generations, served host by host with every answer checked.
/// </summary>
public sealed class IspConfigSourceTests
{
    private const string A = "/var/www/clients/client3/web1";

    [Theory]
    [InlineData(IspConfigVersion.V31)]
    [InlineData(IspConfigVersion.V31Late)]
    [InlineData(IspConfigVersion.V32)]
    public void Each_web_server_serves_exactly_its_own_websites(IspConfigVersion version)
    {
        using var panel = IspConfigPanel.Create(version);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        using var web2 = IspConfigHost.Create(panel, IspConfigPanel.Web2, IspConfigPanel.Passwd[IspConfigPanel.Web2]);
        web1.SyncChecked();
        web2.SyncChecked();

        Assert.Equal(
            [
                "web1 5001 resellerA alice.example Small/resellerA alice@mail.example EN_us",
                "web2 5002 admin bob.example Basic/admin bob@mail.example ES_es",
                "web3 5003 admin admin-site.example - - EN_us",
            ],
            Users(web1));
        Assert.Equal(
            [
                "web1 6001 resellerB carol.example - - EN_us",
                "web2 6002 resellerB resellerb.example Reseller Gold/admin b@resellers.example FR_fr",
            ],
            Users(web2));

        // Subdomains and aliases are served by their website's virtual host, from its web folder and
        // with its PHP; vhost subdomains and aliases have a folder and PHP version of their own.
        Assert.Equal(
            [
                $"admin-site.example web3 /var/www/clients/client0/web3/web main=True php=-",
                $"alice.example web1 {A}/web main=True php=alt-php81/fpm",
                $"alice.net web1 {A}/web main=False php=alt-php81/fpm",
                $"alice.org web1 {A}/org-site main=False php=os-php83/cgi",
                $"blog.alice.example web1 {A}/web main=False php=alt-php81/fpm",
                $"bob.example web2 /var/www/clients/client4/web2/web main=True php=-",
                $"shop.alice.example web1 {A}/shop main=False php=alt-php74/fpm",
            ],
            Domains(web1));
        Assert.Equal(
            [
                "carol.example web1 /var/www/clients/client5/web1/web main=True php=alt-php82/fpm",
                "carol.net web1 /var/www/clients/client5/web1/web main=False php=alt-php82/fpm",
                "dev.carol.example web1 /var/www/clients/client5/web1/dev main=False php=alt-php82/fpm",
                // No PHP version of its own: the panel's default (alt-php82 in this store), with its PHP-FPM mode.
                "resellerb.example web2 /var/www/clients/client2/web2/web main=True php=alt-php82/fpm",
            ],
            Domains(web2));

        foreach (var host in new[] { web1, web2 })
        {
            Assert.Equal(["resellerA 1000000001 DE_de a@resellers.example", "resellerB 1000000002 FR_fr b@resellers.example"],
                Envelope.Of(host.Cpapi("resellers")).Data.EnumerateArray().Select(r => $"{S(r, "name")} {S(r, "id")} {S(r, "locale_code")} {S(r, "email")}"));
            Assert.Equal(["Basic/admin", "Reseller Gold/admin", "Small/resellerA", "Small/resellerB"],
                Envelope.Of(host.Cpapi("packages")).Data.EnumerateArray().Select(p => $"{S(p, "name")}/{S(p, "owner")}").Order(StringComparer.Ordinal));
            Assert.Equal(["admin True EN_us", "ops False DE_de"],
                Envelope.Of(host.Cpapi("admins")).Data.EnumerateArray().Select(a => $"{S(a, "name")} {a.GetProperty("is_main").GetBoolean()} {S(a, "locale_code")}"));
        }

        // Debian's PHP 8.3 of server_php 4 maps by its layout, as the distribution's own build.
        Assert.Equal(["alt-php74 7.4 /opt/alt/php74/usr/bin/php", "alt-php81 8.1 /opt/alt/php81/usr/bin/php", "os-php83 8.3 /usr/bin/php8.3"], PhpVersions(web1));
        Assert.Equal(["alt-php82 8.2 /opt/alt/php82/usr/bin/php"], PhpVersions(web2));
        Assert.Equal(["web1: c3alice_ro c3alice_rw"], DbMapping(web1));
        Assert.Equal(["web1: c5carol"], DbMapping(web2));
    }

    [Fact]
    public void The_schema_generation_is_read_from_the_database()
    {
        foreach (var (version, name) in new[] { (IspConfigVersion.V31, "3.1"), (IspConfigVersion.V31Late, "3.1"), (IspConfigVersion.V32, "3.2") })
        {
            using var panel = IspConfigPanel.Create(version);
            var root = Directory.CreateTempSubdirectory("cpvendor-isp-").FullName;
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "etc"));
                File.WriteAllText(Path.Combine(root, "etc/passwd"), IspConfigPanel.Passwd[IspConfigPanel.Web1]);
                var source = new IspConfigSource(panel.Database.ConnectionString, root);
                var problems = new SourceProblems();
                var snapshot = source.Read("1", problems);
                Assert.Empty(problems.Failures);
                Assert.Empty(problems.Rejections);
                Assert.Equal(name, source.Generation!.Name);
                Assert.Equal("alt-php74", snapshot.Domains.Single(d => d.Row.Name == "shop.alice.example").Row.PhpVersionId);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void An_ispconfig_30_schema_is_refused_with_its_reason_and_nothing_is_served()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V30);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);

        var sync = web1.Sync();

        Assert.NotEqual(0, sync.ExitCode);
        Assert.Contains("ISPConfig 3.0 is not supported", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("directive_snippets_id", sync.Stderr, StringComparison.Ordinal);
        Assert.Empty(Envelope.Of(web1.Cpapi("users")).Data.EnumerateArray());
        Assert.Contains("ISPConfig 3.0 is not supported", web1.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_missing_a_column_the_generation_reads_is_refused_naming_it()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        panel.Database.Execute("ALTER TABLE client DROP COLUMN template_master");
        panel.Database.Execute("ALTER TABLE web_domain DROP COLUMN server_php_id");
        panel.Database.Execute("ALTER TABLE web_domain DROP COLUMN directive_snippets_id");
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);

        var neither = web1.Sync();
        Assert.NotEqual(0, neither.ExitCode);
        Assert.Contains("neither server_php_id (3.2) nor fastcgi_php_version (3.1)", neither.Stderr, StringComparison.Ordinal);

        panel.Database.Execute("ALTER TABLE web_domain ADD COLUMN server_php_id INT(11) UNSIGNED NOT NULL DEFAULT 0");
        var missing = web1.Sync();
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("looks like ISPConfig 3.2 but lacks client.template_master", missing.Stderr, StringComparison.Ordinal);
        Assert.Empty(Envelope.Of(web1.Cpapi("users")).Data.EnumerateArray());
    }

    [Theory]
    [InlineData(IspConfigVersion.V31)]
    [InlineData(IspConfigVersion.V32)]
    public void A_database_user_of_one_client_maps_to_its_first_website_and_follow_changes(IspConfigVersion version)
    {
        using var panel = IspConfigPanel.Create(version);
        // Alice gets a second website whose database uses her read-write user as well.
        panel.Change("web_domain", IspConfigPanel.Web1, panel.Site(14, IspConfigPanel.Web1, "alice-two.example", "vhost", 0, "/var/www/clients/client3/web5", null, "web5", 4, "php-fpm", 0));
        panel.Change("web_database", IspConfigPanel.Web1, "INSERT INTO web_database (database_id, sys_groupid, server_id, parent_domain_id, database_name, database_user_id, database_ro_user_id) VALUES (5, 4, 3, 14, 'c3alice_two', 1, NULL)");
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1] + "web5:x:5005:5005::/var/www/clients/client3/web5:/bin/false\n");
        web1.SyncChecked();

        Assert.Equal(["web1: c3alice_ro c3alice_rw"], DbMapping(web1));
        Assert.Contains("c3alice_rw web1 5001", File.ReadAllText(web1.Config.GovernorMap), StringComparison.Ordinal);

        // Once a database of another client uses it, the login is reported and leaves the map.
        panel.Change("web_database", IspConfigPanel.Web1, "INSERT INTO web_database (database_id, sys_groupid, server_id, parent_domain_id, database_name, database_user_id, database_ro_user_id) VALUES (6, 5, 3, 11, 'c4bob_two', 1, NULL)");
        web1.SyncChecked();
        Assert.Equal(["web1: c3alice_ro"], DbMapping(web1));
        Assert.DoesNotContain("c3alice_rw", File.ReadAllText(web1.Config.GovernorMap), StringComparison.Ordinal);
        Assert.Contains("database user c3alice_rw: used by the databases of clients 3, 4 (websites 10, 11, 14)", web1.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_of_several_web_servers_is_refused_without_a_server_id()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        using var host = IspConfigHost.Create(panel, serverId: null, IspConfigPanel.Passwd[IspConfigPanel.Web1]);

        var sync = host.Sync();

        Assert.NotEqual(0, sync.ExitCode);
        Assert.Contains("2 web servers", sync.Stderr, StringComparison.Ordinal);
        Assert.Contains("--server-id", sync.Stderr, StringComparison.Ordinal);
        Assert.Empty(Envelope.Of(host.Cpapi("users")).Data.EnumerateArray());
        Assert.Contains("--server-id", host.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_that_cannot_be_mapped_are_reported_by_sync_status_and_the_doctor()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        panel.Change("server_php", IspConfigPanel.Web1, "INSERT INTO server_php (server_php_id, server_id, name, php_fastcgi_binary, php_fastcgi_ini_dir) VALUES (5, 1, 'Own build 8.3', '/usr/local/php83/bin/php-cgi', '/usr/local/php83/etc')");
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        web1.SyncChecked();

        var status = web1.Command("sync", "--status").Stdout;
        Assert.Contains("unmapped: 3 record(s)", status, StringComparison.Ordinal);
        Assert.Contains("website ghost.example (domain_id 13): its system user web4 is not in this host's /etc/passwd", status, StringComparison.Ordinal);
        Assert.Contains("server_php 5 'Own build 8.3': not a build of a known layout", status, StringComparison.Ordinal);
        Assert.Contains("database user c4shared: used by the databases of clients 0, 4 (websites 11, 12)", status, StringComparison.Ordinal);
        // Never invented: neither the website nor its subdomain is served.
        Assert.DoesNotContain("ghost", Envelope.Of(web1.Cpapi("domains")).Run.Stdout, StringComparison.Ordinal);

        var doctor = Run.Program(web1.Binary, ["doctor", "--root", web1.Root, "--format", "json"]);
        var finding = JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("check").GetString() == "Panel records all map onto this host");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("ghost.example", finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // The system user made on the host: the next sync serves the website and reports nothing.
        IspConfigHost.AppendPasswd(web1, "web4:x:5004:5007::/var/www/clients/client6/web4:/bin/false");
        panel.Change("server_php", IspConfigPanel.Web1, "DELETE FROM server_php WHERE server_php_id IN (4, 5)");
        web1.SyncChecked();
        Assert.Contains("domain_id 23 (alice.org): PHP server_php_id 4 is not an active PHP version", web1.Command("sync", "--status").Stdout, StringComparison.Ordinal);
        panel.Change("web_domain", IspConfigPanel.Web1, "UPDATE web_domain SET server_php_id = 0 WHERE domain_id = 23");
        panel.Change("web_database", 3, "UPDATE web_database SET database_user_id = NULL WHERE database_id = 4");
        web1.SyncChecked();
        Assert.DoesNotContain("unmapped", web1.Command("sync", "--status").Stdout, StringComparison.Ordinal);
        Assert.Contains("ghost.example", Envelope.Of(web1.Cpapi("domains")).Run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Renames_moves_and_deletes_in_the_panel_become_the_right_hooks()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        using var web2 = IspConfigHost.Create(panel, IspConfigPanel.Web2, IspConfigPanel.Passwd[IspConfigPanel.Web2]);
        web1.SyncChecked();
        web2.SyncChecked();
        var hooks1 = new RecordingHooks(web1);
        var hooks2 = new RecordingHooks(web2);

        panel.Change("web_domain", IspConfigPanel.Web1, "UPDATE web_domain SET domain = 'alice-shop.example' WHERE domain_id = 10");
        panel.Change("client", 0, "UPDATE client SET parent_client_id = 2 WHERE client_id = 3");
        panel.Change("web_domain", IspConfigPanel.Web1, "DELETE FROM web_domain WHERE domain_id = 11 OR parent_domain_id = 11");
        panel.Change("web_domain", IspConfigPanel.Web1, panel.Site(14, IspConfigPanel.Web1, "newsite.example", "vhost", 0, "/var/www/clients/client0/web5", null, "web5", 1, "php-fpm", 0));
        IspConfigHost.AppendPasswd(web1, "web5:x:5005:5003::/var/www/clients/client0/web5:/bin/false");
        web1.SyncChecked();
        web2.SyncChecked();

        Assert.Equal(
            [
                "pre_modify_user.py delete --username web2",
                "post_modify_user.py delete --username web2",
                "post_modify_user.py modify -u web1 --new-owner resellerB",
                "post_modify_domain.py modify -u web1 --domain alice.example --new-domain alice-shop.example",
                "post_modify_user.py create --username web5 --owner admin",
            ],
            hooks1.Lines());
        var calls = hooks1.Calls();
        Assert.True(calls[0].HasUser("web2"), "the pre hook still sees the website's account");
        Assert.Equal("resellerB", calls[2].OwnerOf("web1"));
        // The other web server has the same user names but none of these websites: no hook there.
        Assert.Empty(hooks2.Lines());
    }

    [Fact]
    public void An_unchanged_panel_is_not_read_again()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        web1.SyncChecked();
        var before = Envelope.Of(web1.Cpapi("domains", "--with-php")).Run.Stdout;

        // With the websites out of reach, a sync that read them would fail; the marker says no change.
        panel.Database.Execute("RENAME TABLE web_domain TO web_domain_away");
        var unchanged = web1.Sync();
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("panel not read", unchanged.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Envelope.Of(web1.Cpapi("domains", "--with-php")).Run.Stdout);

        // A change logged for this server (or for none) is read, whatever it is.
        panel.Change("client", 0, "UPDATE client SET email = 'new@mail.example' WHERE client_id = 3");
        Assert.NotEqual(0, web1.Sync().ExitCode);
        panel.Database.Execute("RENAME TABLE web_domain_away TO web_domain");
        web1.SyncChecked();
        Assert.Contains("new@mail.example", Envelope.Of(web1.Cpapi("users")).Run.Stdout, StringComparison.Ordinal);

        // A change logged for the other web server is not this host's; a new account in passwd is.
        panel.Change("web_domain", IspConfigPanel.Web2, "UPDATE web_domain SET domain = 'carol2.example' WHERE domain_id = 30");
        Assert.Contains("panel not read", web1.Sync().Stdout, StringComparison.Ordinal);
        IspConfigHost.AppendPasswd(web1, "web4:x:5004:5007::/var/www/clients/client6/web4:/bin/false");
        var read = web1.Sync();
        Assert.DoesNotContain("panel not read", read.Stdout, StringComparison.Ordinal);
        Assert.Contains("ghost.example", Envelope.Of(web1.Cpapi("domains")).Run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IspConfigVersion.V31)]
    [InlineData(IspConfigVersion.V31Late)]
    [InlineData(IspConfigVersion.V32)]
    public void The_read_only_grants_of_the_documentation_are_enough_to_sync(IspConfigVersion version)
    {
        using var panel = IspConfigPanel.Create(version);
        var user = "cpv_ro_" + Guid.NewGuid().ToString("N")[..8];
        // The GRANT statements exactly as docs/panels/ispconfig.md gives them, for this database and account.
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs/panels/ispconfig.md"));
        var block = doc[doc.IndexOf("CREATE USER 'cpvendor'", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var grants = block.Split(';').Select(g => string.Join(' ', g.Split('\n').Select(l => l.Split("--")[0].Trim())).Trim()).Where(g => g.StartsWith("GRANT", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, grants.Count);
        // What the documentation says to change on 3.1: the web_domain PHP columns, and no server_php.active before 3.1.11.
        if (version < IspConfigVersion.V32)
            grants = grants.Select(g => g.Contains("ON dbispconfig.web_domain ", StringComparison.Ordinal) ? g.Replace("server_php_id", "fastcgi_php_version, directive_snippets_id", StringComparison.Ordinal) : g).ToList();
        if (version < IspConfigVersion.V31Late)
            grants = grants.Select(g => g.Contains("ON dbispconfig.server_php ", StringComparison.Ordinal) ? g.Replace(", active", "", StringComparison.Ordinal) : g).ToList();
        panel.Database.Execute($"CREATE USER '{user}'@'127.0.0.1' IDENTIFIED BY 'readonly'");
        try
        {
            foreach (var grant in grants)
                panel.Database.Execute(grant.Replace("dbispconfig.", panel.Database.Name + ".", StringComparison.Ordinal).Replace("'cpvendor'@'10.0.%'", $"'{user}'@'127.0.0.1'", StringComparison.Ordinal));
            var readOnly = $"Server=127.0.0.1;Port=33306;User ID={user};Password=readonly;Database={panel.Database.Name}";
            using var web1 = TempInstall.Create(users: 5, seed: 7, prepareStore: SyncedInstall.EmptyEntities);
            IspConfigHost.WritePasswd(web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
            Run.Checked(web1.Binary, "settings", "source", "ispconfig", "--connection-string", readOnly, "--server-id", "1");
            web1.SyncChecked();
            Assert.Equal(3, Envelope.Of(web1.Cpapi("users")).Data.GetArrayLength());
            Assert.Contains("alt-php81", Envelope.Of(web1.Cpapi("domains", "--with-php")).Run.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            panel.Database.Execute($"DROP USER '{user}'@'127.0.0.1'");
        }
    }

    private static string S(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "-";

    private static List<string> Users(TempInstall install) =>
        Envelope.Of(install.Cpapi("users")).Data.EnumerateArray().Select(u =>
            $"{S(u, "username")} {S(u, "id")} {S(u, "owner")} {S(u, "domain")} " +
            (u.GetProperty("package") is { ValueKind: JsonValueKind.Object } p ? $"{S(p, "name")}/{S(p, "owner")}" : "-") +
            $" {S(u, "email")} {S(u, "locale_code")}").ToList();

    private static List<string> Domains(TempInstall install) =>
        Envelope.Of(install.Cpapi("domains", "--with-php")).Data.EnumerateObject().Select(d =>
            $"{d.Name} {S(d.Value, "owner")} {S(d.Value, "document_root")} main={d.Value.GetProperty("is_main").GetBoolean()} php=" +
            (d.Value.GetProperty("php") is { ValueKind: JsonValueKind.Object } php ? $"{S(php, "php_version_id")}/{S(php, "handler")}" : "-")).ToList();

    private static List<string> PhpVersions(TempInstall install) =>
        Envelope.Of(install.Cpapi("php")).Data.EnumerateArray().Select(p => $"{S(p, "identifier")} {S(p, "version")} {S(p, "bin")}").ToList();

    private static List<string> DbMapping(TempInstall install) =>
        Envelope.Of(install.Cpapi("db_info")).Data.GetProperty("mysql").GetProperty("mapping").EnumerateObject()
            .Select(m => $"{m.Name}: {string.Join(' ', m.Value.EnumerateArray().Select(x => x.GetString()).Order(StringComparer.Ordinal))}").ToList();
}
