using Cpvendor.Core;
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

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
