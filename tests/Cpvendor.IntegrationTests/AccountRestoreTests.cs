using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// <c>user restore NAME --reset-selector</c> and <c>user rehome NAME --home H</c> through the
/// installed binary (docs/lifecycle.md): on a folder standing for /, the PHP Selector steps are
/// printed, never run, and the hooks follow.
/// </summary>
public sealed class AccountRestoreTests
{
    [Fact]
    public void Reset_selector_on_a_test_root_prints_exactly_the_steps_then_fires_the_restore_hook()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        var marker = PlantCageFsCtl(install);
        install.Checked("admin", "add", "boss", "--main");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");

        var output = install.Checked("user", "restore", "alice", "--reset-selector").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            [
                "would run: /usr/sbin/cagefsctl --getprefix alice",
                "would remove: /var/cagefs/<prefix>/alice/etc/cl.selector",
                "would remove: /var/cagefs/<prefix>/alice/etc/cl.php.d",
                "would run: /usr/sbin/cagefsctl --force-update-etc alice",
                "restored user alice",
            ],
            output.Take(5));
        Assert.Equal("post_modify_user.py restore --username alice", hooks.Lines()[^1]);
        Assert.False(File.Exists(marker), "cagefsctl ran on a test root");
    }

    [Fact]
    public void A_dry_run_restore_prints_the_steps_and_fires_nothing()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss", "--main");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");
        var before = hooks.Lines().Count;

        var output = install.Checked("user", "restore", "alice", "--reset-selector", "--dry-run");

        Assert.Contains("would run: /usr/sbin/cagefsctl --force-update-etc alice\n", output);
        Assert.Contains("would fire: post_modify_user.py restore --username alice", output);
        Assert.Equal(before, hooks.Lines().Count);
    }

    [Fact]
    public void Reset_selector_refuses_an_unknown_account_and_a_name_with_a_trailing_newline()
    {
        using var install = TempInstall.Create(users: 0);

        Assert.Equal(2, install.Command("user", "restore", "nobody-here", "--reset-selector").ExitCode);
        var newline = install.Command("user", "restore", "alice\n", "--reset-selector");
        Assert.Equal(2, newline.ExitCode);
        Assert.DoesNotContain("would run", newline.Stdout);
    }

    [Fact]
    public void A_new_home_alone_fires_modify_with_the_accounts_own_name()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss", "--main");
        install.Checked("user", "add", "alice", "--owner", "boss", "--domain", "alice.example", "--uid", "31001");

        install.Checked("user", "rehome", "alice", "--home", "/home2/alice");

        Assert.Equal("post_modify_user.py modify -u alice --new-username alice", hooks.Lines()[^1]);
        Assert.Equal(2, install.Command("user", "rehome", "alice", "--home", "/home2/alice").ExitCode);
        Assert.Equal(2, install.Command("user", "rehome", "alice", "--home", "relative/home").ExitCode);
    }

    private static string PlantCageFsCtl(TempInstall install)
    {
        var marker = Path.Combine(install.Dir, "cagefsctl-ran");
        var tool = Path.Combine(install.Root, "usr/sbin/cagefsctl");
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, $"#!/bin/sh\necho \"$@\" >> {marker}\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);
        return marker;
    }
}
