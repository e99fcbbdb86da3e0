using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// An install that creates its admin group leaves the read model and the answer book to that group,
/// so administrators read them from the first install on; and a later install repairs a read model
/// an earlier one left to root's group.
/// </summary>
public sealed class NewAdminGroupTests
{
    [Fact]
    public void The_first_install_publishes_to_the_admin_group_it_creates()
    {
        var group = "cpvng" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(Libc.GroupId(group));
        try
        {
            using var install = TempInstall.Create(users: 5, seed: 3, adminGroup: group);
            var gid = Libc.GroupId(group);
            Assert.NotNull(gid);
            var config = install.Config;
            Assert.Equal(gid, config.AdminGid);
            Assert.Equal(gid, Libc.Owner(AnswerFiles.ModelFolder(config))!.Value.Gid);
            Assert.Equal(gid, Libc.Owner(AnswerFiles.Generation(config))!.Value.Gid);
            Assert.Equal(gid, Libc.Owner(AnswerFiles.Book(config))!.Value.Gid);

            // A read model left to root's group (as an older install did) is repaired by the next install.
            Libc.Lchown(AnswerFiles.ModelFolder(config), 0, 0);
            Libc.Lchown(AnswerFiles.Generation(config), 0, 0);
            install.Reinstall();
            Assert.Equal(gid, Libc.Owner(AnswerFiles.ModelFolder(config))!.Value.Gid);
            Assert.Equal(gid, Libc.Owner(AnswerFiles.Generation(config))!.Value.Gid);
        }
        finally
        {
            Run.Program("/usr/sbin/groupdel", [group]);
        }
    }
}
