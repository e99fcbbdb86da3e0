using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Virtualmin;

/// <summary><c>install --virtualmin</c> makes cpvendor Virtualmin's pre/post-change command, chains the older ones, and uninstall gives back only those lines.</summary>
public sealed class VirtualminInstallTests
{
    [Fact]
    public void Install_chains_the_older_commands_and_uninstall_puts_back_only_their_lines()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var log = Path.Combine(host.Install.Dir, "older.log");
        var older = Path.Combine(host.Install.Dir, "older-pre.sh");
        File.WriteAllText(older, $"#!/bin/sh\necho \"$1 $VIRTUALSERVER_ACTION $VIRTUALSERVER_DOM\" >> {log}\n[ -e {log}.veto ] && {{ echo 'vetoed by the older command'; exit 3; }}\nexit 0\n");
        File.SetUnixFileMode(older, (UnixFileMode)0b111_101_101);
        var config = host.Files.ConfigFile;
        File.WriteAllText(config, $"mail_system=0\npre_command={older} pre\nhome_base=/home\npost_command={older} post\n");

        Install(host);
        var binary = host.Install.Binary;
        var lines = File.ReadAllLines(config);
        Assert.Equal(["mail_system=0", $"pre_command={binary} virtualmin event --phase pre", "home_base=/home", $"post_command={binary} virtualmin event --phase post"], lines);
        Assert.Contains("already up to date", Install(host), StringComparison.Ordinal);

        // The older commands still run, with Virtualmin's variables: before ours in the pre phase, after ours in the post phase.
        var env = host.Files.Environment("DELETE_DOMAIN", "1764590006100006");
        Assert.Equal(0, host.Event("pre", env).ExitCode);
        Assert.Equal(["pre DELETE_DOMAIN carol.test"], File.ReadAllLines(log));
        Assert.Equal(["pre_modify_user.py delete --username carol"], UserHooks(host));

        // An older pre command that fails stops the change, as it did before cpvendor: no hook for a deletion that will not happen.
        File.WriteAllText(log + ".veto", "");
        var vetoed = host.Event("pre", host.Files.Environment("DELETE_DOMAIN", "1764590004100004"));
        Assert.Equal(3, vetoed.ExitCode);
        Assert.Contains("vetoed by the older command", vetoed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["pre_modify_user.py delete --username carol"], UserHooks(host));

        // Virtualmin rewrites its file meanwhile; uninstall changes only the two lines.
        File.AppendAllText(config, "bw_active=1\n");
        var uninstall = Run.Program(Repo.Binary, ["uninstall", "--root", host.Install.Root]);
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Equal(["mail_system=0", $"pre_command={older} pre", "home_base=/home", $"post_command={older} post", "bw_active=1"], File.ReadAllLines(config));
    }

    [Fact]
    public void Without_older_commands_uninstall_removes_the_lines_it_added_and_keeps_a_changed_one()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var config = host.Files.ConfigFile;
        File.WriteAllText(config, "mail_system=0\nhome_base=/home\n");
        Install(host);
        Assert.Contains($"post_command={host.Install.Binary} virtualmin event --phase post", File.ReadAllLines(config));

        // The administrator replaces the pre command by hand after install: uninstall leaves it.
        File.WriteAllText(config, File.ReadAllText(config).Replace($"pre_command={host.Install.Binary} virtualmin event --phase pre", "pre_command=/usr/local/bin/mine", StringComparison.Ordinal));
        var uninstall = Run.Program(Repo.Binary, ["uninstall", "--root", host.Install.Root]);
        Assert.True(uninstall.ExitCode == 0, uninstall.ToString());
        Assert.Equal(["mail_system=0", "home_base=/home", "pre_command=/usr/local/bin/mine"], File.ReadAllLines(config));
    }

    /// <summary>The account hooks (install also announces the main administrator once, with the admin hook).</summary>
    private static string[] UserHooks(VirtualminHost host) => host.Hooks.Lines().Where(l => l.Contains("_modify_user.py", StringComparison.Ordinal)).ToArray();

    private static string Install(VirtualminHost host)
    {
        var run = Run.Program(Repo.Binary, ["install", "--root", host.Install.Root, "--store", host.Install.Store, "--admin-group", host.Install.AdminGroup, "--virtualmin"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }
}
