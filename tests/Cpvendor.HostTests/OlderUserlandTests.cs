using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.HostTests;

/// <summary>
/// The built binaries doing the product's main jobs in Debian 11's userland (glibc 2.31, older than
/// the build machine's): quickstart to the checker's verdict, integration.ini's script lines for
/// root, an administrator and an end user, a lifecycle change and its hook, the doctor, and a sync
/// from the test MariaDB (127.0.0.1:33306, reachable from the root, which shares the network).
/// </summary>
public sealed class OlderUserlandTests
{
    private const string Suite = "bullseye";
    private const string Binary = "/usr/local/lib/cpvendor/cpvendor";
    private const string Store = "/var/lib/cpvendor/panel.db";

    private static readonly string[] Scripts = ["panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php"];

    [Fact]
    public void Quickstart_reaches_the_checkers_verdict()
    {
        using var root = WithBinaries();

        var run = root.Run(Binary, "quickstart", "--dir", "/srv/quickstart", "--users", "5");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains(" 0 failed, 0 warned", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("): conforms", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_lines_answer_root_an_admin_and_an_end_user_who_sees_only_their_own()
    {
        using var root = Installed("--sample", "6", "--seed", "3");
        var ini = IniScripts.Read(root.Read("/opt/cpvendor/etc/integration.ini"));
        foreach (var script in Scripts)
            Call(root, ini, null, script).Is("ok");
        var all = Call(root, ini, null, "users", "--fields=id,username").Is("ok").Data.EnumerateArray()
            .Select(u => (Id: u.GetProperty("id").GetUInt32(), Name: u.GetProperty("username").GetString()!)).ToList();
        var everyDomain = Owners(Call(root, ini, null, "domains").Is("ok"));
        Assert.True(all.Count >= 2, "the sample has fewer than two accounts");
        var (uid, account) = all.First(u => everyDomain.ContainsValue(u.Name));
        Assert.Contains(everyDomain.Values, o => o != account);
        var owner = root.CreateUser("cpvu" + uid, uid);
        var admin = root.CreateUser("cpvadmin", groups: "cpvendor");

        var asAdmin = Call(root, ini, admin, "users", "--fields=id").Is("ok").Data.GetArrayLength();
        var ownerDomains = Owners(Call(root, ini, owner, "domains").Is("ok"));

        Assert.Equal(all.Count, asAdmin);
        Call(root, ini, owner, "users").Is("PermissionDenied");
        Assert.Equal(everyDomain.Keys.Order(StringComparer.Ordinal), Owners(Call(root, ini, admin, "domains").Is("ok")).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(everyDomain.Where(d => d.Value == account).Select(d => d.Key).Order(StringComparer.Ordinal), ownerDomains.Keys.Order(StringComparer.Ordinal));
        Assert.All(ownerDomains.Values, o => Assert.Equal(account, o));
    }

    [Fact]
    public void A_lifecycle_change_fires_its_hook()
    {
        using var root = Installed("--sample", "3");
        root.Write("/usr/share/cloudlinux/hooks/post_modify_user.py", "#!/bin/sh\necho \"post_modify_user.py $*\" >> /var/log/cpvendor-hooks.log\n", (UnixFileMode)0b111_101_101);

        root.Checked("/opt/cpvendor/bin/cpvendor", "user", "add", "newbie", "--owner", "admin", "--domain", "newbie.example", "--uid", "45001");

        Assert.Equal("post_modify_user.py create --username newbie --owner admin\n", root.Read("/var/log/cpvendor-hooks.log"));
        var ini = IniScripts.Read(root.Read("/opt/cpvendor/etc/integration.ini"));
        Assert.Contains(Call(root, ini, null, "users", "--fields=username").Is("ok").Data.EnumerateArray(), u => u.GetProperty("username").GetString() == "newbie");
    }

    [Fact]
    public void The_doctor_tells_debian_11_its_c_library_and_that_it_is_supported()
    {
        using var root = Installed("--sample", "3");

        var run = root.Run(Binary, "doctor");

        Assert.Contains("host: Debian GNU/Linux 11 (bullseye), glibc 2.31, Linux ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[ok     ] The host is one the integration supports (docs/contract.md section 7): Debian GNU/Linux 11 (bullseye) is a supported host", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("could not finish", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sync_from_mariadb_serves_the_panels_accounts()
    {
        using var sample = TempHost.Create(users: 8, seed: 5);
        using var database = PanelDatabase.Create(Dialect.MariaDb);
        var panel = PanelLoader.ReadStore(sample.Store);
        PanelLoader.Load(database, panel);
        using var root = WithBinaries();
        root.Checked(Binary, "init", "--store", Store);
        root.Checked(Binary, "install", "--store", Store, "--binary", Binary);
        root.Checked("/opt/cpvendor/bin/cpvendor", "settings", "source", "mysql", "--connection-string", database.ConnectionString);

        root.Checked("/opt/cpvendor/bin/cpvendor", "sync");

        var ini = IniScripts.Read(root.Read("/opt/cpvendor/etc/integration.ini"));
        var served = Call(root, ini, null, "users", "--fields=username").Is("ok").Data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!);
        Assert.Equal(panel.Users.Select(u => u.Row.Username).Order(StringComparer.Ordinal), served.Order(StringComparer.Ordinal));
    }

    /// <summary>The Debian 11 root with out/'s binaries in a folder only root can change.</summary>
    private static DebianRoot WithBinaries()
    {
        var root = DebianRoot.Open(Suite);
        try
        {
            foreach (var name in new[] { "cpvendor", "cpvendor-cpapi", "cpvendor-pie", "cpvendor-cpapi-pie" })
                root.CopyIn(Path.Combine(Repo.Root, "out", name), "/usr/local/lib/cpvendor/" + name, (UnixFileMode)0b111_101_101);
            return root;
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    /// <summary>The root with a store made by <c>init</c> (given options) and <c>cpvendor install</c> done on it.</summary>
    private static DebianRoot Installed(params string[] init)
    {
        var root = WithBinaries();
        try
        {
            // The panel's administrators' group exists before the install, as on a panel's host.
            root.Checked("/usr/sbin/groupadd", "--system", "cpvendor");
            root.Checked(Binary, ["init", "--store", Store, .. init]);
            root.Checked(Binary, "install", "--store", Store, "--binary", Binary);
            return root;
        }
        catch
        {
            root.Dispose();
            throw;
        }
    }

    private static Envelope Call(DebianRoot root, IniScripts ini, RunAs? user, string script, params string[] args)
    {
        var words = ini.Command(script);
        return Envelope.Of(root.Run(user, words[0], [.. words.Skip(1), .. args]));
    }

    /// <summary>Each domain of a domains answer and the account owning it.</summary>
    private static Dictionary<string, string> Owners(Envelope domains) =>
        domains.Data.EnumerateObject().ToDictionary(d => d.Name, d => d.Value.GetProperty("owner").GetString()!, StringComparer.Ordinal);
}
