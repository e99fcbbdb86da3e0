using System.Diagnostics;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>What a process did: exit status and both streams (never how long it took: no test judges time).</summary>
public sealed record RunResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs programs as argument vectors, optionally as another UNIX user, with a chosen environment.</summary>
public static class Run
{
    /// <summary>
    /// How long a test waits for a process before it fails rather than hangs. Only a guard against
    /// a hang: a slow or loaded machine must never reach it.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    public static RunResult Program(string file, IEnumerable<string> args, RunAs? user = null, IReadOnlyDictionary<string, string>? environment = null, bool cleanEnvironment = true, string? stdin = null, string workingDirectory = "/")
    {
        var argv = new List<string>();
        var program = file;
        if (user is not null)
        {
            // setpriv changes the real and effective ids and loads the user's groups: the child
            // runs exactly as that user would, with nothing of root left.
            program = "/usr/bin/setpriv";
            argv.AddRange([$"--reuid={user.Uid}", $"--regid={user.Gid}", "--init-groups", "--", file]);
        }

        argv.AddRange(args);
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in argv)
            info.ArgumentList.Add(arg);
        if (cleanEnvironment)
        {
            info.Environment.Clear();
            info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
        }

        using var process = Start(info);
        if (stdin is not null)
            process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within the hang guard");
        }

        process.WaitForExit();
        return new RunResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs the published cpvendor binary (or an installed copy of it).</summary>
    public static RunResult Cpvendor(params string[] args) => Program(Repo.Binary, args);

    /// <summary>Runs a command that must succeed; its output is returned.</summary>
    public static string Checked(string file, params string[] args)
    {
        var result = Program(file, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {result}");
        return result.Stdout;
    }

    /// <summary>
    /// Starts <paramref name="info"/>. A program a test has just copied can be refused for a moment
    /// with ETXTBSY: a child another test forks at that instant holds a copy of the copying
    /// descriptor until its own exec closes it (the kernel's race, not the product's), so that one
    /// refusal is tried again.
    /// </summary>
    private static System.Diagnostics.Process Start(ProcessStartInfo info)
    {
        const int TextFileBusy = 26;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return System.Diagnostics.Process.Start(info)!;
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == TextFileBusy && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }
}
