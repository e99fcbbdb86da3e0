using System.Diagnostics;
using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A real UNIX user of a shared host who attacks what root does: they make folders and files of
/// their own (through setpriv, as themselves, never as root acting for them), plant programs and
/// symbolic links, and race a root command with a process of their own. Their programs leave a
/// marker holding the uid they ran as, so a test can tell whether root ever ran them. Everything the
/// user made is removed on dispose.
/// </summary>
public sealed class HostileUser : IDisposable
{
    private readonly UnixUsers users = new();
    private readonly List<Process> racers = [];

    public HostileUser(string prefix = "cpvhu", uint? uid = null, params string[] groups)
    {
        Account = users.Create(prefix, uid, groups);

        // The user's own folder, made by the user in the sticky /tmp as anyone can.
        Scratch = $"/tmp/cpvendor-hostile-{Account.Name}";
        Shell($"mkdir -m 0755 {Scratch}");
        Marker = Path.Combine(Scratch, "ran-as");
    }

    public RunAs Account { get; }

    public uint Uid => Account.Uid;

    /// <summary>A folder of the user's own (0755), under /tmp.</summary>
    public string Scratch { get; }

    /// <summary>Where the user's programs write the uid they ran as.</summary>
    public string Marker { get; }

    /// <summary>The uid a planted program ran as, or null when none ran.</summary>
    public string? RanAs => File.Exists(Marker) ? File.ReadAllText(Marker).Trim() : null;

    /// <summary>Runs a shell command line as the user; it must succeed.</summary>
    public string Shell(string command)
    {
        var run = Run.Program("/bin/sh", ["-c", command], Account);
        Assert.True(run.ExitCode == 0, $"as {Account.Name}: {command}: {run}");
        return run.Stdout;
    }

    /// <summary>Runs a program as the user.</summary>
    public RunResult RunProgram(string program, params string[] args) => Run.Program(program, args, Account);

    /// <summary>Makes a folder (and its parents) as the user.</summary>
    public string MakeFolder(string path, string mode = "0755")
    {
        Shell($"mkdir -p {Quote(path)} && chmod {mode} {Quote(path)}");
        return path;
    }

    /// <summary>Writes a file as the user.</summary>
    public string WriteFile(string path, string content, string mode = "0644")
    {
        var run = Run.Program("/bin/sh", ["-c", $"cat > {Quote(path)} && chmod {mode} {Quote(path)}"], Account, stdin: content);
        Assert.True(run.ExitCode == 0, run.ToString());
        return path;
    }

    /// <summary>
    /// Plants an executable of the user's that records the uid it runs as in <see cref="Marker"/>
    /// and then answers like a cpapi script would, so that whoever runs it carries on.
    /// </summary>
    public string PlantProgram(string path) =>
        WriteFile(path, $"#!/bin/sh\nid -u > {Marker}\necho '{{\"data\": null, \"metadata\": {{\"result\": \"InternalAPIError\", \"message\": \"planted\"}}}}'\n", "0755");

    /// <summary>Makes a symbolic link as the user.</summary>
    public void Link(string target, string link) => Shell($"ln -sfn {Quote(target)} {Quote(link)}");

    /// <summary>
    /// Starts a process of the user's that waits until <paramref name="trigger"/> exists and then runs
    /// <paramref name="attack"/> once: the user racing a root command. Stopped on dispose.
    /// </summary>
    public void Race(string trigger, string attack)
    {
        var info = new ProcessStartInfo("/usr/bin/setpriv")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            $"--reuid={Account.Uid}", $"--regid={Account.Gid}", "--init-groups", "--", "/bin/sh", "-c",
            $"while [ ! -e {Quote(trigger)} ]; do sleep 0.005; done; {attack}",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        racers.Add(Process.Start(info)!);
    }

    /// <summary>A folder of root's, 0755, under /tmp, for what the attack needs root to own (removed with the user's files).</summary>
    public string RootFolder(string name)
    {
        var dir = Directory.CreateTempSubdirectory($"cpvendor-rootdir-{name}-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        rootFolders.Add(dir);
        return dir;
    }

    private readonly List<string> rootFolders = [];

    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public static string Id(uint id) => id.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var racer in racers)
        {
            try
            {
                racer.Kill(entireProcessTree: true);
                racer.WaitForExit();
            }
            catch (InvalidOperationException)
            {
            }

            racer.Dispose();
        }

        // rm does not follow the links the user planted.
        Run.Program("/bin/rm", ["-rf", "--one-file-system", Scratch, .. rootFolders]);
        users.Dispose();
    }
}
