using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>The MySQL Governor map (docs/contract.md section 7), read back the way Governor reads it.</summary>
public sealed class GovernorMapTests
{
    /// <summary>
    /// Governor's documented reading: one line per database user, <c>db_user account uid</c> separated
    /// by single spaces; fields are capped at 64 characters; a line with an empty field or a uid below
    /// 1 is skipped; of duplicated database users the first line wins. The map must need none of that
    /// leniency, so every rule that would drop or alter something is a failure here.
    /// </summary>
    private static Dictionary<string, (string Account, uint Uid)> Parse(string text)
    {
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "the map ends with a newline");
        var map = new Dictionary<string, (string, uint)>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            Assert.True(fields.Length == 3, $"three fields separated by single spaces: '{line}'");
            Assert.All(fields, f => Assert.InRange(f.Length, 1, 64));
            Assert.True(uint.TryParse(fields[2], out var uid) && uid >= 1, $"uid of at least 1: '{line}'");
            Assert.True(map.TryAdd(fields[0], (fields[1], uid)), $"database user listed twice: '{line}'");
        }

        return map;
    }

    private static void AssertMatchesStore(TempInstall install)
    {
        var map = Parse(File.ReadAllText(install.Config.GovernorMap));
        var dbInfo = Envelope.Of(install.Cpapi("db_info")).Is("ok").Data.GetProperty("mysql").GetProperty("mapping");
        var uids = Envelope.Of(install.Cpapi("users")).Data.EnumerateArray()
            .ToDictionary(u => u.GetProperty("username").GetString()!, u => u.GetProperty("id").GetUInt32());
        var expected = new Dictionary<string, (string, uint)>(StringComparer.Ordinal);
        foreach (var account in dbInfo.EnumerateObject())
        {
            foreach (var db in account.Value.EnumerateArray())
                expected[db.GetString()!] = (account.Name, uids[account.Name]);
        }

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), map.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(install.Config.GovernorMap));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(install.Config.GovernorMap)!, "*.tmp"));
    }

    [Fact]
    public void Map_follows_every_change_of_database_users_and_accounts()
    {
        using var install = TempInstall.Create(users: 30);
        var users = Envelope.Of(install.Cpapi("users")).Data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToList();
        var owner = users[3];

        install.Checked("db", "add", owner + "_new", "--owner", owner);
        AssertMatchesStore(install);
        install.Checked("db", "rename", owner + "_new", "--new-name", owner + "_renamed");
        AssertMatchesStore(install);
        install.Checked("db", "add", new string('d', 63), "--owner", owner);
        AssertMatchesStore(install);
        install.Checked("user", "rename", owner, "--new-username", "renamed1");
        AssertMatchesStore(install);
        Assert.Contains(owner + "_renamed renamed1 ", File.ReadAllText(install.Config.GovernorMap));
        install.Checked("db", "delete", owner + "_renamed");
        AssertMatchesStore(install);
        install.Checked("user", "delete", "renamed1");
        AssertMatchesStore(install);
        Assert.DoesNotContain(" renamed1 ", File.ReadAllText(install.Config.GovernorMap));
    }

    [Fact]
    public void Database_user_longer_than_the_63_characters_Governor_keeps_is_refused()
    {
        using var install = TempInstall.Create(users: 5);
        var owner = Envelope.Of(install.Cpapi("users")).Data[0].GetProperty("username").GetString()!;
        var run = install.Command("db", "add", new string('d', 64), "--owner", owner);
        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("at most 63", run.Stderr);
        Assert.DoesNotContain(JsonSerializer.Serialize(new string('d', 64)), install.Cpapi("db_info").Stdout);
        Assert.DoesNotContain(new string('d', 63), File.ReadAllText(install.Config.GovernorMap));
    }
}
