using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Processes;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Root starts programs only by absolute paths (docs/security.md, "What root runs"): every command of
/// the published binary that starts one, run as root from a user's folder of look-alikes that is
/// also first in its PATH, still works and runs none of them; the programs it starts get the clean
/// PATH and <c>/</c> as their working directory.
/// </summary>
public sealed class PlantedProgramTests
{
    [Fact]
    public void Install_admin_changes_hooks_the_book_builder_and_uninstall_run_no_planted_program()
    {
        using var user = new HostileUser();
        var planted = new PlantedLookAlikes(user);
        var dir = user.RootFolder("planted");
        var root = Path.Combine(dir, "root");
        var store = Path.Combine(dir, "panel.db");
        var group = "cpvpl" + Guid.NewGuid().ToString("N")[..6];
        try
        {
            Root(planted, Repo.Binary, "init", "--store", store, "--sample", "3", "--seed", "7");
            Root(planted, Repo.Binary, "install", "--root", root, "--store", store, "--admin-group", group);
            Assert.NotNull(Libc.GroupId(group)); // groupadd ran, the system's
            var binary = InstallLayout.BinaryUnder(root);
            var hooks = InstallLayout.Under(root, "usr/share/cloudlinux/hooks");
            var seen = Path.Combine(dir, "hook-saw");
            Directory.CreateDirectory(hooks);
            File.SetUnixFileMode(hooks, (UnixFileMode)0b111_101_101);
            var hook = Path.Combine(hooks, "post_modify_admin.py");
            File.WriteAllText(hook, $"#!/bin/sh\necho \"$PATH|$(pwd)|$*\" >> {seen}\n");
            File.SetUnixFileMode(hook, (UnixFileMode)0b111_101_101);

            Root(planted, binary, "admin", "add", "boss", "--unix-user", user.Account.Name);
            Assert.Contains(Libc.GroupId(group)!.Value, Libc.AccountGroups(user.Account.Name, user.Account.Gid)); // gpasswd -a ran, the system's
            Root(planted, binary, "admin", "delete", "boss");
            Assert.DoesNotContain(Libc.GroupId(group)!.Value, Libc.AccountGroups(user.Account.Name, user.Account.Gid));
            Root(planted, binary, "publish");

            // The small binary hands a call it does not answer to the full one beside it.
            var handed = Run.Program(Path.Combine(Path.GetDirectoryName(binary)!, "cpvendor-cpapi"), ["db_info"], environment: planted.Environment, workingDirectory: planted.Folder);
            Assert.Equal("ok", JsonDocument.Parse(handed.Stdout).RootElement.GetProperty("metadata").GetProperty("result").GetString());

            Root(planted, Repo.Binary, "uninstall", "--root", root);

            Assert.Equal("", planted.RanLines);
            var lines = File.ReadAllLines(seen);
            Assert.Equal([$"{ChildProcess.CleanPath}|/|create --name boss", $"{ChildProcess.CleanPath}|/|delete --name boss"], lines);
        }
        finally
        {
            Run.Program("/usr/sbin/groupdel", [group]);
        }
    }

    [Fact]
    public void Doctor_and_check_run_no_planted_program()
    {
        using var user = new HostileUser();
        var planted = new PlantedLookAlikes(user);
        using var install = TempInstall.Create(users: 3);

        var doctor = Run.Program(install.Binary, ["doctor", "--root", install.Root], environment: planted.Environment, workingDirectory: planted.Folder);
        var check = Run.Program(install.Binary, ["check", "--ini", install.Ini, "--as-user", user.Account.Name, "--only", "Scripts_run_no_code_from_the_callers_home", "--only", "Domains_as_end_user_hides_foreign_domains"],
            environment: planted.Environment, workingDirectory: planted.Folder);

        Assert.Equal("", planted.RanLines);
        Assert.Contains("answered ok as nobody", doctor.Stdout, StringComparison.Ordinal);
        Assert.True(check.ExitCode == ExitCodes.Success, check.ToString());
    }

    [Fact]
    public void Quickstart_with_a_private_mariadb_takes_its_tools_from_the_system_folders_only()
    {
        using var user = new HostileUser();
        var planted = new PlantedLookAlikes(user);
        var dir = user.RootFolder("quickstart");

        var run = Run.Program(Repo.Binary, ["quickstart", "--panel", "ispconfig", "--dir", Path.Combine(dir, "qs"), "--users", "3"],
            environment: planted.Environment, workingDirectory: planted.Folder);

        Assert.Equal("", planted.RanLines);
        if (SystemTools.Find("mariadbd") is null)
        {
            // Without the server package the planted mariadbd on PATH must not make it look installed.
            Assert.Equal(ExitCodes.Invalid, run.ExitCode);
            Assert.Contains("this quickstart needs MariaDB", run.Stderr, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        }
    }

    private static void Root(PlantedLookAlikes planted, string binary, params string[] args)
    {
        var run = Run.Program(binary, args, environment: planted.Environment, workingDirectory: planted.Folder);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: {run}\nplanted programs that ran: {planted.RanLines}");
    }
}
