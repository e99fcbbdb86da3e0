using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: an account is given (by <c>user rehome</c>, <c>user add</c>) the home of a UNIX account
/// that is not its own, an administrator's say, so that root's tools and CloudLinux's act on that
/// account's files as the customer's. A home may not be, contain or lie inside another regular UNIX
/// account's home, nor contain a service's; it may lie inside a service's (a web server's
/// <c>/var/www</c> holds panel homes). Every passwd entry counts, not only the panel's accounts
/// (docs/lifecycle.md "What a panel may record").
/// </summary>
public sealed class UnixAccountHomeTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);
    private readonly UnixUsers unix = new();
    private readonly string top = $"/srv/cpvhome{Random.Shared.Next(100000, 999999)}";

    public UnixAccountHomeTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
    }

    [Fact]
    public void Another_unix_accounts_home_such_as_an_administrators_is_refused_as_is_inside_and_around_it()
    {
        var adminHome = $"{top}/admin";
        var admin = Useradd("cpvadm", adminHome, system: false);

        RefusedChange.Assert(install, $"the home {adminHome} of the UNIX account '{admin}'", "user", "rehome", "alice", "--home", adminHome);
        RefusedChange.Assert(install, $"lies inside the home {adminHome} of the UNIX account '{admin}'", "user", "rehome", "alice", "--home", adminHome + "/sub");
        RefusedChange.Assert(install, $"contains the home {adminHome} of the UNIX account '{admin}'", "user", "rehome", "alice", "--home", top);
        RefusedChange.Assert(install, $"the home {adminHome} of the UNIX account '{admin}'", "user", "add", "carol", "--owner", "boss", "--domain", "carol.example", "--uid", "31003", "--home", adminHome);
    }

    [Fact]
    public void A_services_home_may_hold_account_homes_but_not_be_one()
    {
        var serviceHome = $"{top}/www";
        var service = Useradd("cpvsvc", serviceHome, system: true);

        install.Checked("user", "rehome", "alice", "--home", serviceHome + "/clients/client1/web1");
        RefusedChange.Assert(install, $"the home {serviceHome} of the UNIX account '{service}'", "user", "rehome", "alice", "--home", serviceHome);
    }

    [Theory]
    [InlineData("/opt/alt/home", "/opt")]
    [InlineData("/var/cagefs/07/alice", "/var/cagefs")]
    [InlineData("/var/lib/mysql", "/var/lib")]
    [InlineData("/usr/local/alice", "/usr")]
    public void A_system_folder_is_refused(string home, string system) =>
        RefusedChange.Assert(install, $"inside the system folder {system}", "user", "rehome", "alice", "--home", home);

    public void Dispose()
    {
        install.Dispose();
        unix.Dispose();
    }

    private string Useradd(string prefix, string home, bool system)
    {
        var name = $"{prefix}{Random.Shared.Next(100000, 999999)}";
        Run.Checked("/usr/sbin/useradd", [.. system ? new[] { "-r" } : [], "-M", "-U", "-s", "/usr/sbin/nologin", "-d", home, name]);
        unix.Adopt(name);
        var uid = Core.Native.Libc.Account(name)!.Value.Uid;
        Assert.True(system ? uid < 1000 : uid >= 1000, $"{name} got uid {uid.ToString(CultureInfo.InvariantCulture)}");
        return name;
    }
}
