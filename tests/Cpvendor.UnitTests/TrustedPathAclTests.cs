using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;
using Cpvendor.Core.Processes;

namespace Cpvendor.UnitTests;

/// <summary>
/// POSIX ACLs in the rule of <see cref="TrustedPath"/>: with an ACL the mode's group bits are the
/// mask, so the mode alone says nothing about named users and groups. Set with the real
/// <c>setfacl</c> (tests/setup/base.sh), as root.
/// </summary>
public sealed class TrustedPathAclTests : IDisposable
{
    private const uint Stranger = 43210;
    private readonly string dir;

    public TrustedPathAclTests()
    {
        dir = Directory.CreateTempSubdirectory("cpvendor-acl-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
    }

    private static bool Ready => Libc.GetEuid() == 0 && File.Exists("/usr/bin/setfacl");

    [Theory]
    [InlineData("u:43210:rwx", "is writable by uid 43210 through its ACL")]
    [InlineData("g:43210:rw", "is writable by group 43210 through its ACL")]
    public void A_root_file_a_named_entry_lets_write_is_not_trusted(string entry, string reason)
    {
        Assert.SkipUnless(Ready, "needs root and setfacl");
        var file = Touch("hook");
        SetFacl("-m", entry, file);

        Assert.Equal($"{file} {reason}", TrustedPath.Problem(file));
    }

    [Fact]
    public void A_folder_a_named_entry_lets_write_is_not_trusted_for_what_it_holds()
    {
        Assert.SkipUnless(Ready, "needs root and setfacl");
        var file = Touch("bin/cpvendor");
        var folder = Path.GetDirectoryName(file)!;
        SetFacl("-m", $"u:{Stranger}:rwx", folder);

        Assert.Equal($"{folder} is writable by uid {Stranger} through its ACL", TrustedPath.Problem(file));
        Assert.NotNull(TrustedPath.ProblemAsParent(folder));
    }

    [Fact]
    public void The_owning_groups_entry_counts_when_that_group_is_not_roots()
    {
        Assert.SkipUnless(Ready, "needs root and setfacl");
        var file = Touch("script");
        Libc.Chown(file, 0, 4321);
        SetFacl("-m", "g::rwx,m::rwx", file);

        Assert.Equal($"{file} is writable by group 4321", TrustedPath.Problem(file));
    }

    [Fact]
    public void A_write_entry_the_mask_removes_and_entries_for_root_are_trusted()
    {
        Assert.SkipUnless(Ready, "needs root and setfacl");
        var masked = Touch("masked");
        var forRoot = Touch("for-root");
        SetFacl("-m", $"u:{Stranger}:rwx,m::r-x", masked);
        SetFacl("-m", "u:0:rwx,g:0:rwx", forRoot);

        Assert.Null(TrustedPath.Problem(masked));
        Assert.Null(TrustedPath.Problem(forRoot));
    }

    [Fact]
    public void A_default_acl_alone_changes_nothing_that_exists()
    {
        Assert.SkipUnless(Ready, "needs root and setfacl");
        var file = Touch("folder/file");
        SetFacl("-d", "-m", $"u:{Stranger}:rwx", Path.GetDirectoryName(file)!);

        Assert.Null(TrustedPath.Problem(file));
    }

    [Fact]
    public void Entries_that_cannot_be_read_are_never_trusted()
    {
        Assert.Equal("an access ACL that cannot be read", AclWriters.Describe([1, 0, 0, 0], 0));
        Assert.Equal("an access ACL that cannot be read", AclWriters.Describe([2, 0, 0, 0, 1], 0));
        Assert.StartsWith("an access ACL with an unknown entry", AclWriters.Describe([2, 0, 0, 0, 0x40, 0, 7, 0, 0, 0, 0, 0], 0), StringComparison.Ordinal);
        Assert.Null(AclWriters.Describe([], 4321));
    }

    private void SetFacl(params string[] arguments)
    {
        var run = ChildProcess.Run(["/usr/bin/setfacl", .. arguments]);
        Assert.True(run.Succeeded, run.Stderr);
    }

    private string Touch(string relative)
    {
        var path = Path.Combine(dir, relative);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        for (var f = folder; f != dir; f = Path.GetDirectoryName(f)!)
            File.SetUnixFileMode(f, (UnixFileMode)0b111_101_101);
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        return path;
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
