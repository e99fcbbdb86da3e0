using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.UnitTests;

/// <summary>
/// The one rule root commands apply to folders they did not make and programs they run: only root
/// can change the path (docs/security.md, "Paths root trusts"). Ownership is set with chown, so the
/// tests need root.
/// </summary>
public sealed class TrustedPathTests : IDisposable
{
    private const uint Stranger = 43210;
    private readonly string dir;

    public TrustedPathTests()
    {
        dir = Directory.CreateTempSubdirectory("cpvendor-trust-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
    }

    private static bool IsRoot => Libc.GetEuid() == 0;

    [Fact]
    public void A_chain_of_roots_folders_under_the_sticky_tmp_is_trusted()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var file = Touch("a/b/file");

        Assert.Null(TrustedPath.Problem(file));
    }

    [Fact]
    public void A_component_owned_by_another_uid_is_named()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var file = Touch("a/b/file");
        Libc.Chown(Path.Combine(dir, "a"), Stranger, Stranger);

        Assert.Equal($"{dir}/a is owned by uid {Stranger}", TrustedPath.Problem(file));
    }

    [Theory]
    [InlineData(0b111_111_111, "is writable by every user")]
    [InlineData(0b111_111_101, "is writable by group 4321")]
    public void A_folder_others_can_write_is_not_trusted(int mode, string reason)
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var file = Touch("a/file");
        File.SetUnixFileMode(Path.Combine(dir, "a"), (UnixFileMode)mode);
        Libc.Chown(Path.Combine(dir, "a"), 0, 4321);

        Assert.Equal($"{dir}/a {reason}", TrustedPath.Problem(file));
    }

    [Fact]
    public void A_folder_writable_by_roots_own_group_is_trusted()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var file = Touch("a/file");
        File.SetUnixFileMode(Path.Combine(dir, "a"), (UnixFileMode)0b111_111_101);

        Assert.Null(TrustedPath.Problem(file));
    }

    [Fact]
    public void A_sticky_open_folder_is_trusted_above_an_entry_of_roots_but_not_as_the_last_component()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var file = Touch("shared/file");
        var shared = Path.Combine(dir, "shared");
        File.SetUnixFileMode(shared, (UnixFileMode)0b001_111_111_111);

        Assert.Null(TrustedPath.Problem(file));
        Assert.Equal($"{shared} is writable by every user", TrustedPath.Problem(shared));
        Assert.Null(TrustedPath.ProblemAsParent(shared));
        Assert.Null(TrustedPath.ProblemAsParent("/tmp"));
    }

    [Fact]
    public void An_open_folder_without_the_sticky_bit_is_no_parent_either()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        Touch("open/file");
        var open = Path.Combine(dir, "open");
        File.SetUnixFileMode(open, (UnixFileMode)0b111_111_111);

        Assert.Equal($"{open} is writable by every user", TrustedPath.ProblemAsParent(open));
    }

    [Fact]
    public void A_link_of_roots_counts_as_what_it_points_at()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        var good = Touch("good/file");
        var bad = Touch("bad/file");
        Libc.Chown(Path.Combine(dir, "bad"), Stranger, Stranger);
        var toGood = Path.Combine(dir, "to-good");
        var toBad = Path.Combine(dir, "to-bad");
        File.CreateSymbolicLink(toGood, "good");
        File.CreateSymbolicLink(toBad, Path.Combine(dir, "bad"));

        Assert.Null(TrustedPath.Problem(Path.Combine(toGood, "file")));
        Assert.Equal($"{dir}/bad is owned by uid {Stranger}", TrustedPath.Problem(Path.Combine(toBad, "file")));
        Assert.Null(TrustedPath.Problem(good));
        Assert.NotNull(TrustedPath.Problem(bad));
    }

    [Fact]
    public void A_link_owned_by_another_uid_is_not_trusted_even_to_a_good_target()
    {
        Assert.SkipUnless(IsRoot, "ownership needs root");
        Touch("good/file");
        var link = Path.Combine(dir, "link");
        File.CreateSymbolicLink(link, "good");
        Libc.Lchown(link, Stranger, Stranger);

        Assert.Equal($"{link} is a symbolic link owned by uid {Stranger}", TrustedPath.Problem(Path.Combine(link, "file")));
    }

    [Fact]
    public void A_missing_or_relative_path_is_not_trusted()
    {
        Assert.Equal($"{dir}/nothing does not exist", TrustedPath.Problem(Path.Combine(dir, "nothing")));
        Assert.Equal("relative/path is not an absolute path", TrustedPath.Problem("relative/path"));
    }

    [Fact]
    public void System_programs_are_trusted()
    {
        Assert.Null(TrustedPath.Problem("/bin/sh"));
        Assert.Null(TrustedPath.Problem("/usr/bin/python3"));
    }

    private string Touch(string relative)
    {
        var path = Path.Combine(dir, relative);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        for (var f = folder; f != dir; f = Path.GetDirectoryName(f)!)
            File.SetUnixFileMode(f, (UnixFileMode)0b111_101_101);
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        return path;
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
