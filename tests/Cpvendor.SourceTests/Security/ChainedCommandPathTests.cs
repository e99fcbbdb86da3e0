using Cpvendor.Core.Processes;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Virtualmin;

namespace Cpvendor.SourceTests.Security;

/// <summary>
/// The older Virtualmin command that <c>virtualmin event</c> chains runs through <c>/bin/sh</c> with
/// Virtualmin's variables but the clean PATH and <c>/</c> as working directory (docs/security.md,
/// "What root runs"): a folder of look-alikes that is the event's working directory and first in its
/// PATH supplies none of the programs the command names.
/// </summary>
public sealed class ChainedCommandPathTests
{
    [Fact]
    public void The_chained_command_finds_its_programs_in_the_clean_path_and_runs_in_the_root_folder()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var planted = Path.Combine(host.Install.Dir, "planted");
        Directory.CreateDirectory(planted);
        var ran = Path.Combine(host.Install.Dir, "planted-ran");
        File.WriteAllText(Path.Combine(planted, "id"), $"#!/bin/sh\necho id >> {ran}\n");
        File.SetUnixFileMode(Path.Combine(planted, "id"), (UnixFileMode)0b111_101_101);
        var log = Path.Combine(host.Install.Dir, "older.log");
        File.WriteAllText(host.Files.ConfigFile, $"mail_system=0\npre_command=echo \"$(id -u)|$PATH|$(pwd)|$VIRTUALSERVER_ACTION\" >> {log}\nhome_base=/home\n");
        var install = Run.Program(Repo.Binary, ["install", "--root", host.Install.Root, "--store", host.Install.Store, "--admin-group", host.Install.AdminGroup, "--virtualmin"]);
        Assert.True(install.ExitCode == 0, install.ToString());

        var environment = host.Files.Environment("DELETE_DOMAIN", "1764590006100006");
        environment["PATH"] = planted + ":" + ChildProcess.CleanPath;
        var run = Run.Program(host.Install.Binary, ["virtualmin", "event", "--phase", "pre"], environment: environment, workingDirectory: planted);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(File.Exists(ran), "the planted id ran");
        Assert.Equal([$"0|{ChildProcess.CleanPath}|/|DELETE_DOMAIN"], File.ReadAllLines(log));
    }
}
