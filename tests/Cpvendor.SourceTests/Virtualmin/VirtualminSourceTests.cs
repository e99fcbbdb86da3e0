using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Sources.Php;
using Cpvendor.Sources.Virtualmin;
using Cpvendor.SourceTests.Panel;
using Cpvendor.Store.Model;

namespace Cpvendor.SourceTests.Virtualmin;

/// <summary>Virtualmin's own files as the source: every answer, the records that cannot be served, bad records, the change marker.</summary>
public sealed class VirtualminSourceTests
{
    private const string Alice = "1764590001100001";

    [Fact]
    public void Every_answer_maps_the_virtualmin_files()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var install = host.Install;

        var users = Envelope.Of(install.Cpapi("users")).Data.EnumerateArray()
            .Select(u => $"{u.GetProperty("id")} {u.GetProperty("username")} {u.GetProperty("owner")} {u.GetProperty("domain")} {Package(u)} {u.GetProperty("email")} {u.GetProperty("locale_code")}")
            .ToArray();
        Assert.Equal(
            [
                "50001 alice root alice.test Basic/root alice@alice.test EN_us",
                "50002 bob res1 bob.test Gold/res1 bob@bob.test EN_us",
                "50003 carol root carol.test Legacy/root carol@carol.test EN_us",
            ],
            users);

        var domains = Envelope.Of(install.Cpapi("domains", "--with-php")).Data.EnumerateObject()
            .Select(d => $"{d.Name} {d.Value.GetProperty("owner")} {d.Value.GetProperty("document_root")} {d.Value.GetProperty("is_main")} {d.Value.GetProperty("php").GetProperty("php_version_id")} {d.Value.GetProperty("php").GetProperty("handler")}")
            .ToArray();
        Assert.Equal(
            [
                "alice.example alice /home/alice/public_html False alt-php82 fpm",
                "alice.test alice /home/alice/public_html True alt-php82 fpm",
                "blog.bob.test bob /home/bob/domains/blog.bob.test/public_html False alt-php82 cgi",
                "bob.test bob /home/bob/public_html True alt-php81 cgi",
                "carol.test carol /home/carol/public_html True alt-php81 fpm",
                "shop.alice.test alice /home/alice/domains/shop.alice.test/public_html False alt-php74 fpm",
            ],
            domains);

        Assert.Equal(["Basic root", "Gold res1", "Legacy root"],
            Envelope.Of(install.Cpapi("packages")).Data.EnumerateArray().Select(p => $"{p.GetProperty("name")} {p.GetProperty("owner")}").Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(["res1"], Envelope.Of(install.Cpapi("resellers")).Data.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray());
        Assert.Equal(["alt-php74 7.4", "alt-php81 8.1", "alt-php82 8.2"],
            Envelope.Of(install.Cpapi("php")).Data.EnumerateArray().Select(p => $"{p.GetProperty("identifier")} {p.GetProperty("version")}").ToArray());
        var admin = Assert.Single(Envelope.Of(install.Cpapi("admins")).Data.EnumerateArray());
        Assert.Equal(("root", "root", true), (admin.GetProperty("name").GetString(), admin.GetProperty("unix_user").GetString(), admin.GetProperty("is_main").GetBoolean()));

        // MySQL logins: the servers' own, sub-servers sharing their parent's; carol has none.
        Assert.Equal("alice alice 50001\nbob bob 50002\n", File.ReadAllText(install.Config.GovernorMap));
        var credential = Run.Program(install.Binary, ["settings", "db-credential", "--login", "lvestats"], stdin: "secret\n");
        Assert.True(credential.ExitCode == 0, credential.ToString());
        var mapping = Envelope.Of(install.Cpapi("db_info")).Data.GetProperty("mysql").GetProperty("mapping");
        Assert.Equal("{\"alice\":[\"alice\"],\"bob\":[\"bob\"]}", JsonSerializer.Serialize(mapping));
        Assert.DoesNotContain("unmapped:", install.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_whose_unix_user_is_missing_is_reported_by_sync_status_and_doctor_and_not_served()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        host.Files.TopLevel("1764590007100007", "dave.test", "dave", 50004);
        host.Files.SubServer("1764590008100008", "1764590007100007", "www2.dave.test");
        host.Install.Checked("sync");

        Assert.DoesNotContain("dave", host.Install.Cpapi("users").Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("dave.test", host.Install.Cpapi("domains").Stdout, StringComparison.Ordinal);
        var status = host.Install.Command("sync", "--status");
        Assert.Contains("unmapped: 1 record(s)", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("domains/1764590007100007 (dave.test): UNIX user 'dave' does not exist on this host; not served with its 1 sub-server(s)", status.Stdout, StringComparison.Ordinal);
        var doctor = Run.Program(host.Install.Binary, ["doctor", "--root", host.Install.Root, "--format", "json"]);
        var findings = JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("check").GetString() == "Panel records all map onto this host").ToList();
        var finding = Assert.Single(findings);
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Contains("UNIX user 'dave'", finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);

        // Once the user exists the record is served and the report is gone.
        host.Files.UnixUser("dave", 50004);
        host.Install.Checked("sync");
        Assert.Contains("\"dave\"", host.Install.Cpapi("users").Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("unmapped:", host.Install.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Reseller_or_plan_that_is_not_there_is_reported_not_invented()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        host.Files.Modify("1764590004100004", ("reseller", "ghost"));
        host.Files.Modify(Alice, ("plan", "999"));
        host.Install.Checked("sync");
        var users = host.Install.Cpapi("users").Stdout;
        Assert.DoesNotContain("\"bob\"", users, StringComparison.Ordinal);
        var alice = Envelope.Of(host.Install.Cpapi("users", "--username", "alice")).Data[0];
        Assert.Equal(JsonValueKind.Null, alice.GetProperty("package").ValueKind);
        var unmapped = host.Install.Command("sync", "--status").Stdout.Split('\n');
        Assert.Contains(unmapped, r => r.Contains("reseller 'ghost' does not exist", StringComparison.Ordinal));
        Assert.Contains(unmapped, r => r.Contains("plan 999 cannot be served", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_record_is_rejected_alone_names_the_file_and_keeps_its_last_version()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var alice = Envelope.Of(host.Install.Cpapi("users", "--username", "alice")).Run.Stdout;
        host.Files.Modify(Alice, ("uid", "fifty"), ("email", "changed@alice.test"));
        host.Files.Modify("1764590004100004", ("email", "changed@bob.test"));

        var run = host.Install.Command("sync");
        Assert.Equal(Cpvendor.Core.ExitCodes.SyncRejectedRecords, run.ExitCode);
        Assert.Contains($"virtualmin domains {Alice}: uid 'fifty' is not a UNIX id", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(alice, Envelope.Of(host.Install.Cpapi("users", "--username", "alice")).Run.Stdout);
        Assert.Contains("changed@bob.test", host.Install.Cpapi("users", "--username", "bob").Stdout, StringComparison.Ordinal);
        Assert.Contains($"virtualmin domains {Alice}: uid 'fifty' is not a UNIX id (its last accepted version is served)", host.Install.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_dir_that_is_not_there_fails_the_sync_and_the_last_good_data_serves()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var before = host.Install.Cpapi("domains").Stdout;
        host.Install.Checked("settings", "source", "virtualmin", "--config-dir", "/srv/no-virtualmin");
        var run = host.Install.Command("sync");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(Path.Combine(host.Install.Root, "srv/no-virtualmin") + " does not exist", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, host.Install.Cpapi("domains").Stdout);
    }

    [Fact]
    public void Database_only_users_of_every_server_of_an_account_are_its_logins_and_follow_changes()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var install = host.Install;
        // A database-only user of alice's top-level server and one of her sub-server; carol's server has
        // MySQL off, so her user listing only PostgreSQL databases is no MySQL login.
        host.Files.DbUser("1764590001100001", "reports.alice", "alice alice_stats");
        host.Files.DbUser("1764590002100002", "shop_app", "alice_shop");
        host.Files.DbUser("1764590006100006", "carol_pg", "", postgresDatabases: "carol");
        install.Checked("sync");

        Assert.Equal("alice alice 50001\nbob bob 50002\nreports.alice alice 50001\nshop_app alice 50001\n", File.ReadAllText(install.Config.GovernorMap));
        Assert.Equal(0, Run.Program(install.Binary, ["settings", "db-credential", "--login", "lvestats"], stdin: "secret\n").ExitCode);
        var mapping = Envelope.Of(install.Cpapi("db_info")).Data.GetProperty("mysql").GetProperty("mapping");
        Assert.Equal("{\"alice\":[\"alice\",\"reports.alice\",\"shop_app\"],\"bob\":[\"bob\"]}", JsonSerializer.Serialize(mapping));

        // A user removed in Virtualmin leaves the map with the next sync.
        host.Files.DeleteDbUser("1764590002100002", "shop_app");
        install.Checked("sync");
        Assert.Equal("alice alice 50001\nbob bob 50002\nreports.alice alice 50001\n", File.ReadAllText(install.Config.GovernorMap));
    }

    [Fact]
    public void Every_domain_gets_the_hosts_php_with_no_set_up_and_an_unknown_version_is_reported()
    {
        using var install = TempInstall.Create(users: 1, prepareStore: SyncedInstall.EmptyEntities);
        VirtualminHost.Standard(new VirtualminFiles(install.Root));
        // Debian's own PHP 8.2 with FPM (the default, through the alternatives link) and 7.4 from the
        // third-party repository; no PHP 8.1 and nothing configured with cpvendor settings php.
        foreach (var file in new[] { "usr/bin/php8.2", "usr/sbin/php-fpm8.2", "usr/bin/php7.4", "usr/sbin/php-fpm7.4" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(install.Root, file))!);
            File.WriteAllText(Path.Combine(install.Root, file), "");
        }

        Directory.CreateDirectory(Path.Combine(install.Root, "etc/alternatives"));
        File.CreateSymbolicLink(Path.Combine(install.Root, "etc/alternatives/php"), "/usr/bin/php8.2");
        File.CreateSymbolicLink(Path.Combine(install.Root, "usr/bin/php"), "/etc/alternatives/php");
        install.Checked("settings", "source", "virtualmin");
        install.Checked("sync");

        var domains = Envelope.Of(install.Cpapi("domains", "--with-php")).Data.EnumerateObject()
            .Select(d => $"{d.Name} {d.Value.GetProperty("php").GetProperty("php_version_id")} {d.Value.GetProperty("php").GetProperty("handler")} {d.Value.GetProperty("php").GetProperty("ini_path")}")
            .ToArray();
        Assert.Equal(
            [
                "alice.example os-php82 fpm /etc/php/8.2/fpm/conf.d",
                "alice.test os-php82 fpm /etc/php/8.2/fpm/conf.d",
                "blog.bob.test os-php82 cgi /etc/php/8.2/fpm/conf.d",
                // PHP 8.1 is not on this host: the default PHP, and the domain is reported.
                "bob.test os-php82 cgi /etc/php/8.2/fpm/conf.d",
                "carol.test os-php82 fpm /etc/php/8.2/fpm/conf.d",
                "shop.alice.test os-php74 fpm /etc/php/7.4/fpm/conf.d",
            ],
            domains);
        Assert.Equal(["os-php74 7.4 /usr/lib/php/20190902", "os-php82 8.2 /usr/lib/php/20220829"],
            Envelope.Of(install.Cpapi("php")).Data.EnumerateArray().Select(p => $"{p.GetProperty("identifier")} {p.GetProperty("version")} {p.GetProperty("modules_dir")}").ToArray());
        Assert.Contains("(bob.test): PHP 8.1 is not among this host's PHP builds", install.Command("sync", "--status").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_accounts_with_one_mysql_login_leave_it_with_the_account_it_is_served_for()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        host.Files.Modify("1764590004100004", ("mysql_user", "alice"));
        var run = host.Install.Command("sync");
        Assert.Equal(Cpvendor.Core.ExitCodes.SyncRejectedRecords, run.ExitCode);
        Assert.Contains("db_user is not unique", run.Stderr, StringComparison.Ordinal);
        // bob keeps his own login through his sub-server, which names it.
        Assert.Equal("alice alice 50001\nbob bob 50002\n", File.ReadAllText(host.Install.Config.GovernorMap));
    }

    [Fact]
    public void Change_marker_moves_with_the_files_and_the_passwd_and_only_with_them()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var source = new VirtualminSource(host.Install.Config, "/etc/webmin/virtual-server", () => PhpSetup.None);
        var first = source.ReadMarker(null);
        Assert.NotNull(first);
        Assert.Equal(first, source.ReadMarker(null));

        host.Files.Modify(Alice, ("php_fpm_version", "7.4"));
        var afterEdit = source.ReadMarker(null);
        Assert.NotEqual(first, afterEdit);

        host.Files.UnixUser("zed", 50099);
        var afterPasswd = source.ReadMarker(null);
        Assert.NotEqual(afterEdit, afterPasswd);

        host.Files.Plan("105", "New");
        var afterPlan = source.ReadMarker(null);
        Assert.NotEqual(afterPasswd, afterPlan);

        // A PHP version configured in the store decides which domains' versions map.
        var withPhp = new VirtualminSource(host.Install.Config, "/etc/webmin/virtual-server", () => new PhpSetup([new PhpVersionRow("alt-php83", "8.3", "/m", "/d", "/b", "/i", "/s", null, null)], null));
        Assert.NotEqual(afterPlan, withPhp.ReadMarker(null));
        Assert.Null(new VirtualminSource(host.Install.Config, "/nowhere", () => PhpSetup.None).ReadMarker(null));
    }

    private static string Package(JsonElement user) =>
        user.GetProperty("package") is { ValueKind: JsonValueKind.Object } p ? $"{p.GetProperty("name")}/{p.GetProperty("owner")}" : "none";
}
