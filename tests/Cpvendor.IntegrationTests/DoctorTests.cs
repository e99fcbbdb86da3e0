using System.Globalization;
using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// cpvendor doctor against a gallery of broken hosts: a healthy root, then one defect planted per
/// check; each defect must be found by the check meant for it.
/// </summary>
public sealed class DoctorTests
{
    public static TheoryData<string> Defects => new(Gallery.Keys.Order(StringComparer.Ordinal));

    /// <summary>Each defect: the check that must find it, and how to plant it in a healthy host.</summary>
    private static readonly Dictionary<string, (string Check, Action<TempHost> Plant)> Gallery = new(StringComparer.Ordinal)
    {
        ["distribution the integration does not support"] = ("The host is one the integration supports",
            h => h.Plant("etc/os-release", "NAME=\"CentOS Linux\"\nID=\"centos\"\nVERSION_ID=\"7\"\nPRETTY_NAME=\"CentOS Linux 7 (Core)\"\n")),
        ["ini not readable by others"] = ("Integration ini is readable by everyone",
            h => File.SetUnixFileMode(h.Path("opt/cpvendor/etc/integration.ini"), UnixFileMode.UserRead | UnixFileMode.UserWrite)),
        ["ini carries --with-php"] = ("Integration ini parses as CloudLinux reads it",
            h => EditIni(h, "cpapi domains\n", "cpapi domains --with-php\n")),
        ["ini has a bare percent sign"] = ("Integration ini parses as CloudLinux reads it",
            h => EditIni(h, "[lvemanager_config]\n", "[lvemanager_config]\nvendor_php = /opt/100%/vendor.php\n")),
        ["service_port is not a bare integer"] = ("Integration ini parses as CloudLinux reads it",
            h => EditIni(h, "service_port = 9000\n", "service_port = 9000 # web\n")),
        ["script line names a missing binary"] = ("Every script line answers a valid envelope",
            h => EditIni(h, "resellers = " + h.Path("opt/cpvendor/bin/cpvendor"), "resellers = /nonexistent/cpvendor")),
        ["script writes to stderr"] = ("Every script line answers a valid envelope",
            h =>
            {
                var script = h.Plant("opt/cpvendor/bin/noisy", "#!/bin/sh\necho '{\"data\": [], \"metadata\": {\"result\": \"ok\"}}'\necho oops >&2\n", 0b111_101_101);
                EditIni(h, "resellers = " + h.Path("opt/cpvendor/bin/cpvendor-cpapi") + " resellers", "resellers = " + script);
            }
        ),
        ["binary folder closed to other users"] = ("Scripts for every user answer an unprivileged caller",
            h => File.SetUnixFileMode(h.Path("opt/cpvendor/bin"), (UnixFileMode)0b111_000_000)),
        ["scripts outside every CageFS mount"] = ("Scripts are visible inside CageFS",
            h => h.Plant("etc/cagefs/cagefs.mp", "/var/lib/mysql\n")),
        ["proxyexec program under a mounted folder"] = ("Privileged binary is outside cage-mounted folders",
            h => h.Plant("etc/cagefs/other.proxy.commands", "OTHER=root:/opt/cpvendor/bin/cpvendor\n")),
        ["sudo rule without NOSETENV"] = ("Sudo rules are valid and carry NOSETENV",
            h => h.Plant("etc/sudoers.d/cpvendor", $"ALL ALL=(root) NOPASSWD: {h.Path("usr/libexec/cpvendor/bin/cpvendor")} cpapi *\n", 0b100_100_000)),
        ["sudo rule allowing ALL"] = ("Sudo rules are valid and carry NOSETENV",
            h => h.Plant("etc/sudoers.d/cpvendor", "ALL ALL=(root) NOPASSWD:NOSETENV: ALL\n", 0b100_100_000)),
        ["panel uids below the CageFS minimum"] = ("Panel uids are at or above the CageFS minimum uid",
            h => h.Plant("etc/login.defs", "UID_MIN 60000\nUID_MAX 4000000\n")),
        ["shared uids without enable.duplicate.uids"] = ("Shared uids are allowed by CageFS",
            h => File.Delete(h.Path("etc/cagefs/enable.duplicate.uids"))),
        ["system user caged"] = ("Panel system users are excluded from CageFS",
            h => File.Delete(h.Path("etc/cagefs/exclude/cpvendor"))),
        ["processes visible to every user"] = ("Other users' processes are hidden",
            h => h.Plant("proc/sys/fs/proc_can_see_other_uid", "1\n")),
        ["symlink protection on the wrong group"] = ("Symlink protection covers the web server",
            h => h.Plant("proc/sys/fs/symlinkown_gid", "0\n")),
        ["admin missing from clsudoers"] = ("Admins are in clsudoers",
            h => h.Plant("etc/group", "apache:x:48:\nclsudoers:x:990:\n")),
        ["governor map missing a database user"] = ("Governor map matches db_info's mapping",
            h => File.WriteAllLines(h.Path("etc/container/dbuser-map"), File.ReadAllLines(h.Path("etc/container/dbuser-map")).Skip(1))),
        ["failed hook event"] = ("Hook events are delivered",
            h => AddHookQueue(h, "failed")),
        ["published answers older than the store"] = ("Published answers match the store",
            h => h.ChangeStore("UPDATE users SET email = 'new@example.com' WHERE uid = 20001")),
        ["db_info secret readable by everyone"] = ("Secrets and per-user data are readable only by who may read them",
            h => File.SetUnixFileMode(h.Secret, (UnixFileMode)0b110_100_100)),
        ["native.conf names another PHP"] = ("PHP Selector knows the panel's native PHP",
            h => h.Plant("etc/cl.selector/native.conf", "php=/usr/bin/php-cgi\nphp-cli=/usr/bin/php\nphp.ini=/etc/php.ini\n")),
        ["native.conf never applied"] = ("PHP Selector set-up was applied",
            h => h.Plant("usr/sbin/cagefsctl", "#!/bin/sh\nexit 0\n", 0b111_101_101)),
        ["userdel does not run CageFS's hook"] = ("Account removal goes through userdel.cagefs",
            h => h.Plant("etc/login.defs", "UID_MIN 1000\nUID_MAX 60000\nUSERDEL_CMD /usr/sbin/userdel.local\n")),
        ["per-user mount line removed"] = ("Per-user mounts are in cagefs.mp",
            h => h.Plant("etc/cagefs/cagefs.mp", "/opt\n/var/lib/mysql\n")),
        ["custom Apache without mod_hostinglimits"] = ("Apache is CloudLinux's or loads mod_hostinglimits",
            h =>
            {
                h.Plant("usr/local/apache/bin/httpd", "\u007fELF custom httpd\n", 0b111_101_101);
                h.Plant("usr/local/apache/conf/httpd.conf", "LoadModule lsapi_module modules/mod_lsapi.so\n");
            }
        ),
        ["suexec built without CloudLinux's patch"] = ("Custom suexec, suPHP and PHP-FPM carry CloudLinux's patches",
            h =>
            {
                h.Plant("usr/local/apache/bin/httpd", "\u007fELF custom httpd\n", 0b111_101_101);
                h.Plant("usr/local/apache/bin/suexec", "\u007fELF suexec without the patch\n", 0b111_101_101);
            }
        ),
        ["link traversal protection without the linksafe gid"] = ("Link traversal protection allows the linksafe group",
            h => h.Plant("proc/sys/fs/protected_symlinks_allow_gid", "0\n")),
        ["XFS quota override off"] = ("XFS quotas let CloudLinux tools write for users",
            h => h.Plant("proc/sys/fs/xfs/cap_res_quota_disable", "0\n")),
        ["vendor_php names a missing file"] = ("LVE Manager settings point at real files",
            h => EditIni(h, "[lvemanager_config]\n", "[lvemanager_config]\nvendor_php = /nonexistent/vendor.php\n")),
        ["answer book damaged"] = ("The answer book serves the current read model",
            h => h.Plant("opt/cpvendor/var/model/answers.book", "not an answer book\n", 0b110_100_000)),
        ["panel record the source could not map"] = ("Panel records all map onto this host",
            h => h.ChangeStore("UPDATE source SET kind = 'virtualmin', unmapped = 'domains/1764590001 (gone.test): UNIX user ''gone'' does not exist on this host; not served'")),
    };

    [Fact]
    public void A_healthy_host_has_no_finding_above_info()
    {
        using var users = new UnixUsers();
        using var host = Healthy(users);

        var report = Report(host.Doctor("--format", "json"));

        var hasQueue = HasHookQueue(host);
        var above = report.Where(f => Rank(f.Severity) > Rank("info") && (hasQueue || f.Check != "Hook events are delivered")).ToList();
        Assert.True(above.Count == 0, string.Join("\n", above));
        Assert.Equal(32, report.Select(f => f.Check).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public void Each_planted_defect_is_found_by_its_check(string defect)
    {
        using var users = new UnixUsers();
        using var host = Healthy(users);
        var (check, plant) = Gallery[defect];
        var before = Report(host.Doctor("--format", "json")).Where(f => f.Check == check).ToList();
        Assert.True(before.All(f => Rank(f.Severity) <= Rank("info")) || (check == "Hook events are delivered" && !HasHookQueue(host)), $"healthy host already fails '{check}': {string.Join("\n", before)}");

        plant(host);
        var run = host.Doctor("--format", "json");
        var after = Report(run).Where(f => f.Check == check).ToList();

        Assert.True(after.Any(f => Rank(f.Severity) >= Rank("warning")), $"'{check}' did not find '{defect}': {string.Join("\n", after)}");
        Assert.All(after.Where(f => Rank(f.Severity) >= Rank("warning")), f => Assert.False(string.IsNullOrEmpty(f.Fix)));
        Assert.NotEqual(ExitCodes.Success, run.ExitCode);
    }

    [Fact]
    public void What_cannot_be_read_is_unknown_never_fine()
    {
        using var host = TempHost.Create();
        host.InstallChecked();

        var report = Report(host.Doctor("--format", "json"));

        foreach (var check in new[] { "The host is one the integration supports", "Other users' processes are hidden", "Symlink protection covers the web server", "Link traversal protection allows the linksafe group", "XFS quotas let CloudLinux tools write for users" })
            Assert.Contains(report, f => f.Check == check && f.Severity == "unknown");
    }

    [Fact]
    public void Text_output_names_each_check_with_its_contract_section()
    {
        using var users = new UnixUsers();
        using var host = Healthy(users);
        File.SetUnixFileMode(host.Secret, (UnixFileMode)0b110_100_100);

        var run = host.Doctor();

        Assert.Equal(ExitCodes.DoctorError, run.ExitCode);
        Assert.Contains("[ERROR  ] Secrets and per-user data are readable only by who may read them (docs/contract.md section 6): the db_info secret is readable by others than root", run.Stdout);
        Assert.Contains("fix: chown root:root", run.Stdout);
    }

    /// <summary>A host where every check passes: installed, CageFS and kernel settings planted, Governor map written.</summary>
    private static TempHost Healthy(UnixUsers users)
    {
        var group = users.CreateGroup("cpvadm");
        var gid = Libc.GroupId(group)!.Value.ToString(CultureInfo.InvariantCulture);
        var host = TempHost.Create();
        host.ChangeStore("UPDATE admins SET unix_user = 'cpvadmin' WHERE name = 'admin'; UPDATE users SET uid = 20001 WHERE uid = 20002; UPDATE panel SET allow_duplicate_uids = 1");
        host.Plant("etc/cagefs/cagefs.mp", "/opt\n/var/lib/mysql\n");
        host.Plant("etc/os-release", "NAME=\"CloudLinux\"\nID=\"cloudlinux\"\nID_LIKE=\"rhel fedora centos\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"CloudLinux 9.4\"\n");
        host.Plant("etc/login.defs", "UID_MIN 1000\nUID_MAX 60000\nUSERDEL_CMD /usr/bin/userdel.cagefs\n");
        host.Plant("usr/bin/userdel.cagefs", "#!/bin/sh\n", 0b111_101_101);
        Directory.CreateDirectory(host.Path("opt/alt/php82/var/lib/php/session"));
        host.Plant("proc/mounts", "/dev/sda1 / ext4 rw 0 0\n/dev/sdb1 /home xfs rw,usrquota 0 0\n");
        host.Plant("etc/passwd", "root:x:0:0::/root:/bin/bash\ncpvadmin:x:1500:1500::/home/cpvadmin:/bin/bash\npanelsvc:x:1600:1600::/:/sbin/nologin\n");
        host.Plant("etc/group", "apache:x:48:\nclsudoers:x:990:cpvadmin\nlinksafe:x:980:\n");
        var sysctl = new System.Text.StringBuilder();
        foreach (var (key, value) in new[] { ("proc_can_see_other_uid", "0"), ("proc_super_gid", gid), ("enforce_symlinksifowner", "1"), ("symlinkown_gid", "48"),
            ("protected_symlinks_create", "1"), ("protected_hardlinks_create", "1"), ("protected_symlinks_allow_gid", "980"), ("protected_hardlinks_allow_gid", "980"), ("xfs/cap_res_quota_disable", "1") })
        {
            host.Plant($"proc/sys/fs/{key}", value + "\n");
            sysctl.Append(CultureInfo.InvariantCulture, $"fs.{key} = {value}\n");
        }

        host.Plant("etc/sysctl.d/90-cloudlinux.conf", sysctl.ToString());

        using (var reader = PanelReader.Open(host.Store))
        {
            var uids = reader.Users(new UserFilter()).ToDictionary(u => u.Username, u => u.Id);
            var lines = reader.DbMapping().SelectMany(m => m.Value.Select(db => $"{db} {m.Key} {uids[m.Key]}"));
            host.Plant("etc/container/dbuser-map", string.Join("\n", lines) + "\n");
        }

        host.InstallChecked("--admin-group", group, "--system-user", "panelsvc", "--cagefs-personal-mount", "/opt/alt/php82/var/lib/php/session");
        return host;
    }

    private static void EditIni(TempHost host, string from, string to)
    {
        var path = host.Path("opt/cpvendor/etc/integration.ini");
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void AddHookQueue(TempHost host, string state)
    {
        StoreFixture.Execute(host.Store, $"CREATE TABLE gallery_hook_queue (id INTEGER PRIMARY KEY, state TEXT NOT NULL); INSERT INTO gallery_hook_queue (state) VALUES ('{state}')");
    }

    private static bool HasHookQueue(TempHost host)
    {
        return (long)StoreCheck.Scalar(host.Store, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '%hook%'")! > 0;
    }

    private sealed record Row(string Check, string Severity, string Summary, string? Evidence, string? Fix)
    {
        public override string ToString() => $"[{Severity}] {Check}: {Summary} ({Evidence})";
    }

    private static List<Row> Report(RunResult run)
    {
        Assert.True(run.Stderr.Length == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => new Row(
            f.GetProperty("check").GetString()!,
            f.GetProperty("severity").GetString()!,
            f.GetProperty("summary").GetString()!,
            f.GetProperty("evidence").GetString(),
            f.GetProperty("fix").GetString())).ToList();
    }

    private static int Rank(string severity) => Array.IndexOf(["ok", "info", "unknown", "warning", "error"], severity);
}
