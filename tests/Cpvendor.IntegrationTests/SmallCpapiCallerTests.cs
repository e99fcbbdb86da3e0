using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The small binary for real UNIX callers: an administrator (a member of the admin group) and end
/// users get exactly the bytes <c>cpvendor cpapi</c> gives them, and an end user's pre-rendered
/// answers follow the changes of their data (both are one file: <see cref="AccountFileTests"/>).
/// </summary>
public sealed class SmallCpapiCallerTests(UsersInstall env) : IClassFixture<UsersInstall>
{
    private static readonly string[][] Calls =
    [
        ["panel_info"], ["users"], ["users", "--fields=id,username"], ["users", "--unix-id", "1"], ["users", "--username", "kpalice"],
        ["domains"], ["domains", "--with-php"], ["domains", "--name", "kpalice.com"], ["domains", "-n", "blog.kpalice.com", "--with-php"],
        ["domains", "--owner", "kpalice"], ["domains", "--name", "kpbob.org"], ["domains", "--bogus"], ["packages"], ["resellers"],
        ["admins"], ["php"], ["db_info"],
    ];

    [Fact]
    public void An_administrator_gets_what_the_full_binary_gives() => AllSame(env.Admin);

    [Fact]
    public void Every_end_user_gets_what_the_full_binary_gives()
    {
        foreach (var user in env.EndUsers)
            AllSame(user);
    }

    [Fact]
    public void The_admin_calls_use_the_book_and_an_end_users_domains_their_own_answers()
    {
        var binary = env.Install.Binary;
        (RunAs User, string[] Args)[] calls =
        [
            (env.Admin, ["users", "--username", "kpalice"]), (env.Admin, ["domains"]), (env.Admin, ["domains", "--name", "kpbob.org"]),
            (env.Alice, ["domains"]), (env.Alice, ["domains", "--with-php"]), (env.Stranger, ["panel_info"]),
        ];
        var expected = calls.Select(c => env.Install.FullCpapi(c.User, c.Args).Stdout).ToList();
        File.Move(binary, binary + ".away");
        try
        {
            for (var i = 0; i < calls.Length; i++)
                Assert.Equal(expected[i], env.Install.Cpapi(calls[i].User, calls[i].Args).Stdout);
        }
        finally
        {
            File.Move(binary + ".away", binary);
        }
    }

    [Fact]
    public void An_end_users_answers_follow_a_change_of_their_domains()
    {
        using var unix = new UnixUsers();
        using var install = TempInstall.Create(users: 8, seed: 12);
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        var first = users.RootElement.GetProperty("data")[0];
        var name = first.GetProperty("username").GetString()!;
        var uid = first.GetProperty("id").GetUInt32();
        var caller = unix.Create("scu", uid);
        install.Checked("publish");
        var before = install.Cpapi(caller, "domains").Stdout;

        // The change rewrites the uid's one file, data and answers together.
        install.Checked("domain", "add", "added-later.example", "--owner", name, "--document-root", "/home/" + name + "/added");

        var small = install.Cpapi(caller, "domains");
        Assert.Equal(install.FullCpapi(caller, "domains").Stdout, small.Stdout);
        Assert.DoesNotContain("added-later.example", before, StringComparison.Ordinal);
        Assert.Contains("added-later.example", small.Stdout, StringComparison.Ordinal);
    }

    private void AllSame(RunAs user)
    {
        var mismatches = Calls.Select(args => SmallCpapiBinaryTests.Mismatch(env.Install, user, args)).OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, $"{user.Name}: " + string.Join("\n", mismatches));
    }
}
