using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: a customer's database user that makes MySQL Governor count what is not theirs in their
/// LVE: one of the database server's own accounts (<c>root</c>, <c>mysql.sys</c>, ...), or a name
/// longer than the 63 characters Governor's map parser keeps, which it would count under its first
/// 63 (another user's name). Both are refused by the one database user validator the commands and
/// the sync share (docs/contract.md section 7).
/// </summary>
public sealed class GovernorMapNameTests : IDisposable
{
    private readonly TempInstall install = TempInstall.Create(users: 0);

    public GovernorMapNameTests()
    {
        install.Checked("admin", "add", "boss");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
    }

    [Theory]
    [InlineData("root")]
    [InlineData("mysql.sys")]
    [InlineData("mysql.session")]
    [InlineData("mysql.infoschema")]
    [InlineData("mariadb.sys")]
    [InlineData("debian-sys-maint")]
    public void The_database_servers_own_accounts_are_never_a_customers(string account)
    {
        RefusedChange.Assert(install, "the database server's own accounts", "db", "add", account, "--owner", "alice");
        install.Checked("db", "add", "alice_db", "--owner", "alice");
        RefusedChange.Assert(install, "the database server's own accounts", "db", "rename", "alice_db", "--new-name", account);
        Assert.DoesNotContain($"{account} alice", File.ReadAllText(install.Config.GovernorMap));
    }

    [Fact]
    public void A_name_longer_than_Governor_keeps_is_refused_so_it_never_stands_for_another()
    {
        var kept = "alice_" + new string('x', 57);
        install.Checked("db", "add", kept, "--owner", "alice");

        RefusedChange.Assert(install, "at most 63", "db", "add", kept + "y", "--owner", "alice");
        RefusedChange.Assert(install, "at most 63", "db", "rename", kept, "--new-name", kept + "y");
        Assert.All(File.ReadAllLines(install.Config.GovernorMap), line => Assert.All(line.Split(' '), field => Assert.True(field.Length <= 63, line)));
    }

    public void Dispose() => install.Dispose();
}
