using Cpvendor.Core;
using Cpvendor.Panel.Selector;

namespace Cpvendor.UnitTests;

/// <summary>
/// The folders <c>user restore --reset-selector</c> removes: computed from a validated name and
/// prefix, under <c>/var/cagefs/</c> only, never through a link (docs/contract.md section 6).
/// Real folders in a throw-away root.
/// </summary>
public sealed class SelectorResetTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cpvendor-reset-").FullName;

    private string Etc => Path.Combine(root, "var/cagefs/07/alice/etc");

    [Fact]
    public void Both_selector_folders_are_removed_and_nothing_else()
    {
        Write(Path.Combine(Etc, "cl.selector/alt_php.ini"));
        Write(Path.Combine(Etc, "cl.selector/deep/more"));
        Write(Path.Combine(Etc, "cl.php.d/alt-php82/x.ini"));
        Write(Path.Combine(Etc, "passwd"));

        var removed = SelectorReset.Remove(root, "07", "alice");

        Assert.Equal([Path.Combine(Etc, "cl.selector"), Path.Combine(Etc, "cl.php.d")], removed);
        Assert.False(Directory.Exists(Path.Combine(Etc, "cl.selector")));
        Assert.False(Directory.Exists(Path.Combine(Etc, "cl.php.d")));
        Assert.True(File.Exists(Path.Combine(Etc, "passwd")));
    }

    [Fact]
    public void A_link_on_the_way_is_refused_and_its_target_left_alone()
    {
        var elsewhere = Path.Combine(root, "elsewhere");
        Write(Path.Combine(elsewhere, "etc/cl.selector/precious"));
        Directory.CreateDirectory(Path.Combine(root, "var/cagefs/07"));
        File.CreateSymbolicLink(Path.Combine(root, "var/cagefs/07/alice"), elsewhere);

        var refused = Assert.Throws<CpvendorException>(() => SelectorReset.Remove(root, "07", "alice"));

        Assert.Contains("link", refused.Message);
        Assert.True(File.Exists(Path.Combine(elsewhere, "etc/cl.selector/precious")));
    }

    [Fact]
    public void A_selector_folder_that_is_a_link_loses_the_link_not_what_it_points_to()
    {
        var elsewhere = Path.Combine(root, "elsewhere");
        Write(Path.Combine(elsewhere, "precious"));
        Directory.CreateDirectory(Etc);
        File.CreateSymbolicLink(Path.Combine(Etc, "cl.selector"), elsewhere);
        Write(Path.Combine(Etc, "cl.php.d/inner"));
        File.CreateSymbolicLink(Path.Combine(Etc, "cl.php.d/link"), elsewhere);

        SelectorReset.Remove(root, "07", "alice");

        Assert.False(File.Exists(Path.Combine(Etc, "cl.selector")) || Directory.Exists(Path.Combine(Etc, "cl.selector")));
        Assert.True(File.Exists(Path.Combine(elsewhere, "precious")));
    }

    [Fact]
    public void Links_at_every_depth_of_both_trees_lose_their_names_and_what_they_name_survives()
    {
        var canary = Path.Combine(root, "canary");
        Write(Path.Combine(canary, "precious"));
        Write(Path.Combine(canary, "deep/precious"));
        foreach (var leaf in SelectorReset.Leaves)
        {
            var folder = Path.Combine(Etc, leaf);
            for (var depth = 0; depth < 4; depth++)
            {
                Write(Path.Combine(folder, "own.ini"));
                File.CreateSymbolicLink(Path.Combine(folder, "to-folder"), canary);
                File.CreateSymbolicLink(Path.Combine(folder, "to-file"), Path.Combine(canary, "precious"));
                folder = Path.Combine(folder, $"level{depth}");
            }

            Write(Path.Combine(folder, "last.ini"));
        }

        var removed = SelectorReset.Remove(root, "07", "alice");

        Assert.Equal(2, removed.Count);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Etc));
        Assert.True(File.Exists(Path.Combine(canary, "precious")));
        Assert.True(File.Exists(Path.Combine(canary, "deep/precious")));
    }

    [Fact]
    public void The_accounts_etc_as_a_link_is_refused_and_its_target_left_alone()
    {
        var elsewhere = Path.Combine(root, "elsewhere");
        Write(Path.Combine(elsewhere, "cl.selector/precious"));
        Directory.CreateDirectory(Path.Combine(root, "var/cagefs/07/alice"));
        File.CreateSymbolicLink(Etc, elsewhere);

        Assert.Contains("link", Assert.Throws<CpvendorException>(() => SelectorReset.Remove(root, "07", "alice")).Message);
        Assert.True(File.Exists(Path.Combine(elsewhere, "cl.selector/precious")));
    }

    [Fact]
    public void A_folder_others_may_change_is_refused()
    {
        Write(Path.Combine(Etc, "cl.selector/alt_php.ini"));
        File.SetUnixFileMode(Path.Combine(root, "var/cagefs/07"), (UnixFileMode)0b111_111_111);

        Assert.Throws<CpvendorException>(() => SelectorReset.Remove(root, "07", "alice"));
        Assert.True(File.Exists(Path.Combine(Etc, "cl.selector/alt_php.ini")));
    }

    [Theory]
    [InlineData("..", "alice")]
    [InlineData("0/7", "alice")]
    [InlineData("07\n", "alice")]
    [InlineData("", "alice")]
    [InlineData("07", "../alice")]
    [InlineData("07", "alice\n")]
    [InlineData("07", "-alice")]
    [InlineData("07", "al/ice")]
    public void Names_and_prefixes_are_validated_to_their_true_end(string prefix, string name)
    {
        Write(Path.Combine(Etc, "cl.selector/alt_php.ini"));

        Assert.Throws<CpvendorException>(() => SelectorReset.Remove(root, prefix, name));
        Assert.True(File.Exists(Path.Combine(Etc, "cl.selector/alt_php.ini")));
    }

    [Fact]
    public void Nothing_there_is_nothing_to_remove()
    {
        Assert.Empty(SelectorReset.Remove(root, "07", "alice"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
    }
}
