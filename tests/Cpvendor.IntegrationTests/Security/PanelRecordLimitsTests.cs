using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: the panel records a path or id that makes root's tools act on the wrong file or user: a
/// document root in /etc or in another account's home, a home of /root or /, uid 4294967295 (which
/// chown reads as -1), a system uid, or a uid that is not the UNIX account's of the same name.
/// What a panel may record is defined in docs/lifecycle.md and enforced by every command.
/// </summary>
public sealed class PanelRecordLimitsTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);
    private readonly UnixUsers unix = new();

    public PanelRecordLimitsTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("reseller", "add", "res1");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");
        install.Checked("user", "add", "bob", "--owner", "res1", "--domain", "bob.example", "--uid", "31002", "--home", "/srv/www/bob");
    }

    public static TheoryData<string[], string> Cases => new()
    {
        { ["domain", "add", "x.example", "--owner", "alice", "--document-root", "/etc"], "outside the owner's home" },
        { ["domain", "add", "x.example", "--owner", "alice", "--document-root", "/srv/www/bob/public_html"], "outside the owner's home" },
        { ["domain", "add", "x.example", "--owner", "alice", "--document-root", "/home/alice/../bob"], "invalid document root" },
        { ["domain", "add", "x.example", "--owner", "alice", "--document-root", "/home/alicex"], "outside the owner's home" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/root"], "system folder /root" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/etc/carol"], "system folder /etc" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/home"], "top-level folder" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/home/alice"], "home of account 'alice'" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/home/alice/sub"], "home of account 'alice'" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/srv/www"], "home of account 'bob'" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "4294967295"], "uid 4294967295 is outside" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "33"], "uid 33 is outside" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "60000"], "uid 60000 is outside" },
        { ["reseller", "add", "res2", "--id", "59999"], "outside 60000..4294967295" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void What_a_panel_may_not_record_is_refused(string[] command, string message) =>
        RefusedChange.Assert(install, message, command);

    [Fact]
    public void An_accounts_uid_is_its_unix_accounts()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        var carol = unix.Create("cpvcarol");
        var other = (carol.Uid + 1).ToString(CultureInfo.InvariantCulture);
        RefusedChange.Assert(install, $"has uid {carol.Uid}, not {other}", "user", "add", carol.Name, "--owner", "res1", "--domain", "carol.example", "--uid", other);
        install.Checked("user", "add", carol.Name, "--owner", "res1", "--domain", "carol.example", "--uid", carol.Uid.ToString(CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        install.Dispose();
        unix.Dispose();
    }
}
