using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A root-owned file or folder that a POSIX ACL entry lets a user write (its mode then shows the
/// ACL mask as group bits of root's group) is not root's alone: root runs no hook, builder or
/// script line it names and installs nowhere below it (docs/security.md, "Paths root trusts").
/// Every ACL is set with the real <c>setfacl</c>.
/// </summary>
public sealed class AclWriteAttackTests
{
    [Fact]
    public void A_hook_an_acl_lets_a_user_rewrite_is_not_run_and_stays_pending()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 0);
        var hook = RootHook(install, user);
        GrantWrite(user, hook);

        var added = install.Command("admin", "add", "boss");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Null(user.RanAs);
        Assert.Contains($"writable by uid {user.Uid} through its ACL", added.Stdout + added.Stderr, StringComparison.Ordinal);
        Assert.Contains("post_modify_admin.py create --name boss", install.Checked("hooks", "list"), StringComparison.Ordinal);
    }

    [Fact]
    public void An_answer_book_builder_an_acl_lets_a_user_rewrite_is_not_started()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 3);
        var copy = install.Binary + ".root";
        File.Copy(install.Binary, copy);
        File.SetUnixFileMode(copy, (UnixFileMode)0b111_101_101);
        GrantWrite(user, install.Binary);
        Rewrite(user, install.Binary); // in place: still root's file, now the user's program

        var added = Run.Program(copy, ["admin", "add", "boss"]);

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Null(user.RanAs);
        Assert.Contains("\"boss\"", Run.Program(copy, ["cpapi", "admins"]).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_and_doctor_refuse_a_script_an_acl_lets_a_user_rewrite()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 3);
        var ini = install.Ini;
        var script = Path.Combine(Path.GetDirectoryName(ini)!, "vendor-script");
        File.WriteAllText(script, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        File.WriteAllText(ini, File.ReadAllText(ini).Replace("users = ", $"users = {script} ", StringComparison.Ordinal));
        GrantWrite(user, script);
        Rewrite(user, script);

        var check = Run.Program(install.Binary, ["check", "--ini", ini, "--only", "Every_answer_is_one_json_document"]);
        var doctor = Run.Program(install.Binary, ["doctor", "--root", install.Root]);

        Assert.Null(user.RanAs);
        Assert.True(check.ExitCode == ExitCodes.Untrusted, check.ToString());
        Assert.Contains($"writable by uid {user.Uid} through its ACL", check.Stderr, StringComparison.Ordinal);
        Assert.True(doctor.ExitCode == ExitCodes.Untrusted, doctor.ToString());
    }

    [Fact]
    public void Install_and_quickstart_refuse_a_folder_an_acl_lets_a_user_write()
    {
        using var user = new HostileUser();
        var folder = user.RootFolder("acl");
        var store = Path.Combine(user.RootFolder("store"), "panel.db");
        Run.Checked(Repo.Binary, "init", "--store", store, "--sample", "3");
        GrantWrite(user, folder);

        var install = Run.Cpvendor("install", "--root", Path.Combine(folder, "root"), "--store", store);
        var quickstart = Run.Cpvendor("quickstart", "--dir", Path.Combine(folder, "qs"), "--users", "3");

        Assert.True(install.ExitCode == ExitCodes.Untrusted, install.ToString());
        Assert.Contains("through its ACL", install.Stderr, StringComparison.Ordinal);
        Assert.True(quickstart.ExitCode == ExitCodes.Untrusted, quickstart.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    /// <summary>A root-owned 0755 hook in the install's hooks folder that records who ran it.</summary>
    private static string RootHook(TempInstall install, HostileUser user)
    {
        var hooks = install.Config.HooksDir;
        Directory.CreateDirectory(hooks);
        File.SetUnixFileMode(hooks, (UnixFileMode)0b111_101_101);
        var hook = Path.Combine(hooks, "post_modify_admin.py");
        File.WriteAllText(hook, $"#!/bin/sh\nid -u > {user.Marker}\n");
        File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);
        return hook;
    }

    /// <summary>The user, through the ACL, replaces the content of root's file with a program recording who runs it.</summary>
    private static void Rewrite(HostileUser user, string path) =>
        user.Shell($"printf '#!/bin/sh\\nid -u > %s\\n' {HostileUser.Quote(user.Marker)} > {HostileUser.Quote(path)}");

    /// <summary><c>setfacl -m u:USER:rwx</c>: the mode then reads as root's group writing (the mask), nothing else changes.</summary>
    private static void GrantWrite(HostileUser user, string path) =>
        Run.Checked("/usr/bin/setfacl", "-m", $"u:{user.Uid}:rwx", path);
}
