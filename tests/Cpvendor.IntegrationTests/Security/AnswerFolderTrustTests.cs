using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Root sets the mode of the answers folders and writes keys and buckets into them, so each must be
/// a folder only root can change (docs/security.md, "Paths root trusts"): a link put in the place of
/// DATA/users, pointing at a folder a user owns, stops the publish before it changes or writes
/// anything there. Real UNIX user, the published binary.
/// </summary>
public sealed class AnswerFolderTrustTests
{
    [Fact]
    public void A_users_folder_replaced_by_a_link_to_a_users_own_folder_is_refused_untouched()
    {
        using var unix = new UnixUsers();
        var owner = unix.Create("aftown");
        using var install = TempInstall.Create(users: 3);
        var usersDir = install.Config.UsersDir;
        var theirs = Path.Combine(install.Dir, "theirs");
        Directory.CreateDirectory(theirs);
        File.SetUnixFileMode(theirs, (UnixFileMode)0b111_000_000);
        Run.Checked("/bin/chown", $"{owner.Uid.ToString(CultureInfo.InvariantCulture)}:{owner.Gid.ToString(CultureInfo.InvariantCulture)}", theirs);
        Directory.Move(usersDir, usersDir + ".old");
        File.CreateSymbolicLink(usersDir, theirs);

        var run = install.Command("publish");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("the answers folder", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("700", Run.Checked("/usr/bin/stat", "-c", "%a", theirs).Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(theirs));
    }
}
