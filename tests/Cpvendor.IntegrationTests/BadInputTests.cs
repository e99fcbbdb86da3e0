using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>Bad input: one clear line on stderr, exit 2, and no change at all (not even a revision bump).</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempInstall install;

    public BadInputTests()
    {
        install = TempInstall.Create(users: 0);
        install.Checked("admin", "add", "boss");
        install.Checked("reseller", "add", "res1");
        install.Checked("package", "add", "Gold", "--owner", "res1");
        install.Checked("package", "add", "Silver", "--owner", "res1");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");
        install.Checked("user", "add", "bob", "--owner", "res1", "--domain", "bob.example", "--uid", "31002");
        install.Checked("db", "add", "alice_db", "--owner", "alice");
        install.Checked("db", "add", "bob_db", "--owner", "bob");
    }

    public static TheoryData<string[], string> Cases => new()
    {
        { ["user", "add", "carol", "--owner", "nobody", "--domain", "carol.example", "--uid", "31003"], "unknown owner 'nobody'" },
        { ["user", "add", "alice", "--owner", "res1", "--domain", "carol.example", "--uid", "31003"], "user 'alice' already exists" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31001"], "uid 31001 already belongs to 'alice'" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "bad_domain!.com", "--uid", "31003"], "invalid domain name" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "-carol.example", "--uid", "31003"], "invalid domain name" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "localhost", "--uid", "31003"], "at least two labels" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "alice.example", "--uid", "31003"], "domain 'alice.example' already exists" },
        { ["user", "add", "Carol!", "--owner", "res1", "--domain", "carol.example", "--uid", "31003"], "invalid user name" },
        { ["user", "add", "cpvendor-no-such-account", "--owner", "res1", "--domain", "carol.example"], "no UNIX account" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--package", "Nope"], "no package 'Nope'" },
        { ["reseller", "add", "res2", "--id", "100"], "outside 60000..4294967295" },
        { ["reseller", "add", "res2", "--id", "4294967296"], "outside 60000..4294967295" },
        { ["reseller", "add", "boss"], "'boss' is an administrator" },
        { ["admin", "add", "res1"], "'res1' is a reseller" },
        { ["db", "add", new string('d', 64), "--owner", "alice"], "at most 63" },
        { ["db", "add", "root", "--owner", "alice"], "the database server's own accounts" },
        { ["db", "add", "x_db", "--owner", "nobody"], "no user 'nobody'" },
        { ["reseller", "delete", "res1"], "still owns 2 user(s) and 2 package(s)" },
        { ["admin", "delete", "nobody"], "no administrator 'nobody'" },
        { ["user", "rename", "alice", "--new-username", "bob"], "user 'bob' already exists" },
        { ["domain", "rename", "alice.example", "--new-name", "bob.example"], "domain 'bob.example' already exists" },
        { ["package", "rename", "Gold", "--owner", "res1", "--new-name", "Silver"], "package 'Silver' of 'res1' already exists" },
        { ["db", "rename", "alice_db", "--new-name", "bob_db"], "database user 'bob_db' already exists" },
        { ["user", "move", "alice", "--new-owner", "nobody"], "unknown owner 'nobody'" },
        { ["user", "delete", "nobody"], "no user 'nobody'" },
        { ["domain", "delete", "alice.example"], "main domain" },
        { ["domain", "add", "x.example", "--owner", "alice", "--document-root", "relative/path"], "invalid document root" },
        { ["domain", "add", "x.example", "--owner", "alice", "--php", "alt-php99"], "unknown PHP version" },
        { ["settings", "features", "--enable", "teleport"], "unknown feature 'teleport'" },
        { ["package", "add", " spaced", "--owner", "res1"], "invalid package name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_one_line_exit_2_and_no_change(string[] command, string message)
    {
        var revision = StoreCheck.Scalar(install.Store, "SELECT revision FROM panel");
        var events = StoreCheck.Scalar(install.Store, "SELECT count(*) FROM hook_events");
        var map = File.ReadAllText(install.Config.GovernorMap);

        var run = install.Command(command);

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cpvendor: ", run.Stderr);
        Assert.Contains(message, run.Stderr);
        Assert.Equal(revision, StoreCheck.Scalar(install.Store, "SELECT revision FROM panel"));
        Assert.Equal(events, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM hook_events"));
        Assert.Equal(map, File.ReadAllText(install.Config.GovernorMap));
    }

    [Fact]
    public void Reseller_ids_start_at_UID_MAX_of_the_roots_login_defs()
    {
        Directory.CreateDirectory(Path.Combine(install.Root, "etc"));
        File.WriteAllText(Path.Combine(install.Root, "etc/login.defs"), "# test\nUID_MIN 1000\nUID_MAX   50000\n");
        Assert.Contains("outside 50000..", install.Command("reseller", "add", "res2", "--id", "49999").Stderr);
        install.Checked("reseller", "add", "res2", "--id", "50000");
    }

    [Fact]
    public void International_domains_are_stored_as_punycode()
    {
        install.Checked("domain", "add", "Bücher.Example", "--owner", "alice");
        Assert.Equal("ok", Envelope.Of(install.Cpapi("domains", "--name", "xn--bcher-kva.example")).Result);
        Assert.Contains("already exists", install.Command("domain", "add", "xn--bcher-kva.example", "--owner", "bob").Stderr);
    }

    public void Dispose() => install.Dispose();
}
