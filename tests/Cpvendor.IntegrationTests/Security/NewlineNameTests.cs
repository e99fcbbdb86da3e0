using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: a name ending in a newline (or carrying an invisible character) passes validation, then
/// breaks a line of the Governor map or reaches a hook as a different argument. Through the
/// published binary, every such command is refused with exit 2 and changes nothing.
/// </summary>
public sealed class NewlineNameTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);

    public NewlineNameTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("reseller", "add", "res1");
        install.Checked("package", "add", "Gold", "--owner", "res1");
        install.Checked("user", "add", "alice", "--owner", "res1", "--domain", "alice.example", "--uid", "31001");
    }

    public static TheoryData<string[], string> Cases => new()
    {
        { ["user", "add", "carol\n", "--owner", "res1", "--domain", "carol.example", "--uid", "31003"], "invalid user name" },
        { ["user", "add", "саrol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003"], "invalid user name" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example\n", "--uid", "31003"], "invalid domain name" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "car\u202eol.example", "--uid", "31003"], "invalid domain name" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--email", "c@example.com\n"], "invalid e-mail" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--locale", "EN_us\n"], "invalid locale" },
        { ["user", "add", "carol", "--owner", "res1", "--domain", "carol.example", "--uid", "31003", "--home", "/home/carol\n"], "invalid home directory" },
        { ["user", "rename", "alice", "--new-username", "alice2\n"], "invalid new user name" },
        { ["admin", "add", "boss2\n"], "invalid administrator name" },
        { ["admin", "add", "boss2", "--email", "b@example.com\n"], "invalid e-mail" },
        { ["reseller", "add", "res2\n"], "invalid reseller name" },
        { ["reseller", "add", "res2", "--locale", "DE_de\n"], "invalid locale" },
        { ["package", "add", "Silver\n", "--owner", "res1"], "invalid package name" },
        { ["package", "add", "Silver\u202e", "--owner", "res1"], "invalid package name" },
        { ["package", "rename", "Gold", "--owner", "res1", "--new-name", "Gold\n"], "invalid package name" },
        { ["db", "add", "alice_db\n", "--owner", "alice"], "invalid database user" },
        { ["db", "add", "alice_db\r", "--owner", "alice"], "invalid database user" },
        { ["db", "add", "alice_db2", "--owner", "alice\n"], "no user" },
        { ["domain", "add", "blog.alice.example", "--owner", "alice", "--document-root", "/home/alice/blog\n"], "invalid document root" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_name_is_refused_and_nothing_changes(string[] command, string message)
    {
        var map = File.ReadAllText(install.Config.GovernorMap);
        RefusedChange.Assert(install, message, command);
        Assert.Equal(map, File.ReadAllText(install.Config.GovernorMap));
    }

    public void Dispose() => install.Dispose();
}
