using Cpvendor.Core;
using Cpvendor.Core.Processes;
using Cpvendor.Panel;
using Cpvendor.Panel.Governor;
using Cpvendor.Store;

namespace Cpvendor.UnitTests;

/// <summary>The Governor map brought up to date line by line is always what a full rewrite would write.</summary>
public sealed class GovernorMapUpdateTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-governor-").FullName;
    private readonly InstallConfig config;
    private readonly PanelService panel;

    public GovernorMapUpdateTests()
    {
        var store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 60, seed: 3);
        config = InstallConfig.ForRoot(Path.Combine(dir, "root"), store);
        panel = new PanelService(config);
        panel.RewriteGovernorMap();
    }

    private string FullRender()
    {
        using var connection = PanelStore.OpenForWrite(config.Store);
        return GovernorMapWriter.Render(connection);
    }

    private string FirstUser()
    {
        using var reader = PanelReader.Open(config.Store);
        return reader.Users(new UserFilter()).First().Username;
    }

    [Fact]
    public void Each_change_leaves_the_map_equal_to_a_full_rewrite()
    {
        var user = FirstUser();
        var steps = new Action[]
        {
            () => panel.AddDbUser("aaa_first", user),
            () => panel.AddDbUser("zzz_last", user),
            () => panel.AddDbUser(user + "_mid", user),
            () => panel.RenameDbUser("aaa_first", "mmm_moved"),
            () => panel.DeleteDbUser("zzz_last"),
            () => panel.RenameUser(user, "renamedacct"),
            () => panel.DeleteUser("renamedacct"),
        };
        foreach (var step in steps)
        {
            step();
            Assert.Equal(FullRender(), File.ReadAllText(config.GovernorMap));
        }

        Assert.DoesNotContain(" renamedacct ", File.ReadAllText(config.GovernorMap));
    }

    [Fact]
    public void A_hand_edited_map_is_rewritten_whole()
    {
        var user = FirstUser();
        File.WriteAllText(config.GovernorMap, "zzz x 1\naaa y 2\nbroken line here too\n");
        panel.AddDbUser("new_db", user);
        Assert.Equal(FullRender(), File.ReadAllText(config.GovernorMap));
        Assert.DoesNotContain("broken", File.ReadAllText(config.GovernorMap));
    }

    [Theory]
    [InlineData("an empty line between two")]
    [InlineData("a byte that is not UTF-8")]
    [InlineData("no newline at the end")]
    [InlineData("a database user listed twice")]
    public void A_map_not_in_the_written_form_is_rewritten_whole(string flaw)
    {
        var user = FirstUser();
        var written = File.ReadAllBytes(config.GovernorMap);
        var lines = System.Text.Encoding.UTF8.GetString(written).TrimEnd('\n').Split('\n');
        byte[] damaged = flaw switch
        {
            "an empty line between two" => System.Text.Encoding.UTF8.GetBytes(lines[0] + "\n\n" + string.Join('\n', lines[1..]) + "\n"),
            "a byte that is not UTF-8" => [.. System.Text.Encoding.UTF8.GetBytes(lines[0] + "\n"), 0xff, .. System.Text.Encoding.UTF8.GetBytes(" x 5\n")],
            "no newline at the end" => written[..^1],
            _ => System.Text.Encoding.UTF8.GetBytes(lines[0] + "\n" + lines[0] + "\n" + string.Join('\n', lines[1..]) + "\n"),
        };
        File.WriteAllBytes(config.GovernorMap, damaged);
        panel.AddDbUser("new_db", user);
        Assert.Equal(FullRender(), File.ReadAllText(config.GovernorMap));
    }

    [Fact]
    public void Database_users_added_and_deleted_anywhere_in_the_map_leave_it_equal_to_a_full_rewrite()
    {
        var user = FirstUser();
        var random = new Random(7);
        var added = new List<string>();
        // Names before, between and after the sample's, so each lands at another place of the ordered map.
        for (var step = 0; step < 60; step++)
        {
            if (added.Count > 0 && random.Next(3) == 0)
            {
                var gone = added[random.Next(added.Count)];
                added.Remove(gone);
                panel.DeleteDbUser(gone);
            }
            else
            {
                var name = $"{(char)('a' + random.Next(26))}{(char)('a' + random.Next(26))}_{step}";
                added.Add(name);
                panel.AddDbUser(name, user);
            }

            Assert.Equal(FullRender(), File.ReadAllText(config.GovernorMap));
        }
    }

    [Fact]
    public void A_map_edited_in_place_with_its_size_and_modification_time_kept_is_still_checked_line_by_line()
    {
        var user = FirstUser();
        var lines = File.ReadAllText(config.GovernorMap).TrimEnd('\n').Split('\n');
        // Two lines of the same length swapped: the same size, out of order; then the old modification time put back.
        var (first, second) = Enumerable.Range(0, lines.Length - 1)
            .SelectMany(i => Enumerable.Range(i + 1, lines.Length - i - 1).Select(j => (i, j)))
            .First(p => lines[p.i].Length == lines[p.j].Length && !string.Equals(lines[p.i], lines[p.j], StringComparison.Ordinal));
        (lines[first], lines[second]) = (lines[second], lines[first]);
        var reference = Path.Combine(dir, "time-reference");
        File.WriteAllText(reference, "");
        Run("/usr/bin/touch", "-r", config.GovernorMap, reference);
        using (var stream = new FileStream(config.GovernorMap, FileMode.Open, FileAccess.Write))
            stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        Run("/usr/bin/touch", "-r", reference, config.GovernorMap);

        panel.AddDbUser("new_db", user);

        Assert.Equal(FullRender(), File.ReadAllText(config.GovernorMap));
    }

    private static void Run(params string[] command)
    {
        var run = ChildProcess.Run(command, new ChildOptions { Timeout = TimeSpan.FromMinutes(10) });
        Assert.True(run.Succeeded, $"{string.Join(' ', command)}: {run.StartError}{run.Stderr}");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
