using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Install secures the store (0640 root:admin group) and the db_info secret (0600 root). A user who
/// can write the store's folder can put a link where the secret goes; root must then neither chmod
/// nor chown what the link names. Install refuses such a store, and doctor reports it
/// (docs/security.md).
/// </summary>
public sealed class StoreFolderLinkAttackTests
{
    private const int Untrusted = 6;

    [Fact]
    public void Install_refuses_a_store_in_a_users_folder_and_leaves_what_a_planted_link_names_alone()
    {
        using var user = new HostileUser();
        var host = user.RootFolder("host");

        // A file of someone else's that the user wants root to take over.
        var victim = Path.Combine(host, "victim");
        File.WriteAllText(victim, "not root's\n");
        File.SetUnixFileMode(victim, (UnixFileMode)0b110_110_110);
        Libc.Chown(victim, 65534, 65534);

        // The store's folder was made by root and later handed to the user (a misconfiguration).
        var folder = user.RootFolder("store");
        var store = Path.Combine(folder, "panel.db");
        Run.Checked(Repo.Binary, "init", "--store", store, "--sample", "3");
        File.Delete(store + ".secret");
        Libc.Chown(folder, user.Uid, user.Account.Gid);
        user.Link(victim, store + ".secret");

        var run = Run.Cpvendor("install", "--root", Path.Combine(host, "root"), "--store", store);

        var after = Libc.Owner(victim)!.Value;
        Assert.Equal((65534u, 65534u, (UnixFileMode)0b110_110_110), (after.Uid, after.Gid, after.Mode));
        Assert.True(run.ExitCode == Untrusted, run.ToString());
    }

    [Fact]
    public void Install_fixes_the_mode_on_the_file_itself_never_through_a_link()
    {
        // Even with a store folder of root's, the secret's owner and mode are fixed on the opened file.
        using var host = TempHost.Create(users: 3);
        var victim = Path.Combine(host.Dir, "victim");
        File.WriteAllText(victim, "{}");
        File.SetUnixFileMode(victim, (UnixFileMode)0b110_100_100);
        File.Delete(host.Secret);
        File.CreateSymbolicLink(host.Secret, victim);

        var run = host.Install();

        Assert.Equal((UnixFileMode)0b110_100_100, Libc.Owner(victim)!.Value.Mode);
        Assert.NotEqual(0, run.ExitCode);
    }

    [Fact]
    public void Doctor_reports_a_store_whose_folder_a_user_can_write()
    {
        using var user = new HostileUser();
        using var host = TempHost.Create(users: 3);
        host.InstallChecked();
        Libc.Chown(host.Dir, user.Uid, user.Account.Gid);

        var run = host.Doctor();

        Assert.Contains("[ERROR  ] The store and its secret are in folders only root can change", run.Stdout);
        Assert.Contains($"is owned by uid {user.Uid}", run.Stdout);
    }

    [Fact]
    public void Init_as_root_refuses_a_store_in_a_users_folder()
    {
        using var user = new HostileUser();
        var store = Path.Combine(user.Scratch, "panel.db");

        var run = Run.Cpvendor("init", "--store", store, "--sample", "3");

        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.False(File.Exists(store));
    }
}
