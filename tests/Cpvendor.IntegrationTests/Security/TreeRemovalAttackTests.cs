using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Attack: root removes a tree a user can write (<c>user restore --reset-selector</c> removes the
/// account's <c>cl.selector</c>), and the user plants links in it or, while root is inside, swaps a
/// folder for a link to something of root's. Root removes trees only through descriptors
/// (<see cref="DescriptorTree"/>, docs/security.md "Removing trees"): every link loses its name and
/// nothing it names is touched, whatever the user does and whenever. The swap is made at an exact
/// step: the removal's hook after it opens each folder runs the real user's <c>mv</c> and <c>ln</c>.
/// </summary>
public sealed class TreeRemovalAttackTests
{
    [Fact]
    public void Links_planted_at_every_depth_lose_their_names_and_what_they_name_survives()
    {
        using var user = new HostileUser("cpvtr");
        var parent = user.RootFolder("tree");
        var canary = Canary(user);
        var victim = Path.Combine(parent, "cl.selector");
        Run.Checked("/usr/bin/install", "-d", "-o", user.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), victim);
        var folder = victim;
        for (var depth = 0; depth < 5; depth++)
        {
            user.WriteFile(Path.Combine(folder, "own.ini"), "mine\n");
            user.Link(canary, Path.Combine(folder, "to-folder"));
            user.Link(Path.Combine(canary, "precious"), Path.Combine(folder, "to-file"));
            folder = user.MakeFolder(Path.Combine(folder, $"level{depth}"));
        }

        Assert.True(Remove(parent, "cl.selector"));

        Assert.False(Directory.Exists(victim) || File.Exists(victim));
        AssertCanaryIntact(canary);
    }

    [Fact]
    public void A_user_swapping_a_folder_for_a_link_while_root_is_inside_gets_nothing_outside_removed()
    {
        using var user = new HostileUser("cpvts");
        var parent = user.RootFolder("tree");
        var canary = Canary(user);
        var victim = Path.Combine(parent, "cl.selector");
        Run.Checked("/usr/bin/install", "-d", "-o", user.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture), victim);
        user.MakeFolder(Path.Combine(victim, "alt/deep"));
        user.WriteFile(Path.Combine(victim, "alt/deep/php.ini"), "mine\n");
        var swapped = new List<string>();

        // Root has just opened cl.selector/alt: the user renames it away and leaves a link to the canary in its place.
        var removed = Remove(parent, "cl.selector", shown =>
        {
            if (shown.EndsWith("/cl.selector/alt", StringComparison.Ordinal))
            {
                user.Shell($"mv {HostileUser.Quote(Path.Combine(victim, "alt"))} {HostileUser.Quote(Path.Combine(victim, "moved"))} && ln -s {HostileUser.Quote(canary)} {HostileUser.Quote(Path.Combine(victim, "alt"))}");
                swapped.Add(shown);
            }
        });

        Assert.True(removed);
        Assert.Single(swapped);
        Assert.False(Directory.Exists(victim) || File.Exists(victim));
        AssertCanaryIntact(canary);
    }

    [Fact]
    public void A_file_system_mounted_inside_the_tree_is_refused_and_left_whole()
    {
        using var user = new HostileUser("cpvtm");
        var parent = user.RootFolder("tree");
        var victim = Path.Combine(parent, "cl.selector");
        var mount = Path.Combine(victim, "mounted");
        Directory.CreateDirectory(mount);
        Run.Checked("/usr/bin/mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount);
        try
        {
            File.WriteAllText(Path.Combine(mount, "precious"), "keep\n");

            var refused = Assert.Throws<CpvendorException>(() => Remove(parent, "cl.selector"));

            Assert.Contains("another file system", refused.Message);
            Assert.Equal("keep\n", File.ReadAllText(Path.Combine(mount, "precious")));
        }
        finally
        {
            Run.Program("/usr/bin/umount", ["-l", mount]);
        }
    }

    private static bool Remove(string parent, string name, Action<string>? opened = null)
    {
        var fd = Libc.OpenFolderAt(Libc.CurrentFolder, Encoding.UTF8.GetBytes(parent));
        Assert.True(fd >= 0, $"open {parent}: errno {-fd}");
        try
        {
            return DescriptorTree.Remove(fd, Encoding.UTF8.GetBytes(name), Path.Combine(parent, name), opened);
        }
        finally
        {
            Libc.CloseDescriptor(fd);
        }
    }

    /// <summary>A folder of root's the user can name but not change, with a file and a subfolder.</summary>
    private static string Canary(HostileUser user)
    {
        var canary = user.RootFolder("canary");
        File.WriteAllText(Path.Combine(canary, "precious"), "root's\n");
        Directory.CreateDirectory(Path.Combine(canary, "deep"));
        File.WriteAllText(Path.Combine(canary, "deep/precious"), "root's\n");
        return canary;
    }

    private static void AssertCanaryIntact(string canary)
    {
        Assert.Equal("root's\n", File.ReadAllText(Path.Combine(canary, "precious")));
        Assert.Equal("root's\n", File.ReadAllText(Path.Combine(canary, "deep/precious")));
    }
}
