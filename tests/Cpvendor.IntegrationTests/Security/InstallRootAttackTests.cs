using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Install as root writes, chowns and later runs what it puts under its root; a root folder a user
/// made (or any folder above it a user can change) would let that user swap parts of the install
/// for links. Install refuses such a root (docs/security.md).
/// </summary>
public sealed class InstallRootAttackTests
{
    private const int Untrusted = 6;

    [Fact]
    public void Install_refuses_a_root_folder_a_user_made()
    {
        using var user = new HostileUser();
        var root = user.MakeFolder(Path.Combine(user.Scratch, "root"));
        var store = Path.Combine(user.RootFolder("store"), "panel.db");
        Run.Checked(Repo.Binary, "init", "--store", store, "--sample", "3");

        var run = Run.Cpvendor("install", "--root", root, "--store", store);

        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.Contains("the install root", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(root));
    }

    [Fact]
    public void Install_refuses_a_missing_root_below_a_users_folder()
    {
        using var user = new HostileUser();
        var root = Path.Combine(user.Scratch, "not-yet", "root");
        var store = Path.Combine(user.RootFolder("store"), "panel.db");
        Run.Checked(Repo.Binary, "init", "--store", store, "--sample", "3");

        var run = Run.Cpvendor("install", "--root", root, "--store", store);

        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.False(Directory.Exists(Path.Combine(user.Scratch, "not-yet")));
    }
}
