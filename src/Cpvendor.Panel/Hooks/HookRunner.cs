using System.Diagnostics;
using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Panel.Hooks;

/// <summary>
/// Runs one hook (docs/contract.md section 5): the script as an argument vector, never through a shell, as the
/// calling user (root), with a clean environment, stdin closed, a timeout after which the whole
/// process tree is killed, and its output captured to the hook log.
/// </summary>
internal static class HookRunner
{
    private const int MaxOutput = 16 * 1024;

    public sealed record Attempt(HookState State, string? Error);

    public static Attempt Run(InstallConfig config, HookEvent hook)
    {
        if (!Directory.Exists(config.HooksDir))
            return new Attempt(HookState.Skipped, $"no CloudLinux hooks directory {config.HooksDir}");
        var path = Path.Combine(config.HooksDir, hook.Script);
        if (!File.Exists(path))
        {
            HookLog.Write(config, $"MISSING {path}");
            return new Attempt(HookState.Pending, $"{path} does not exist");
        }

        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in hook.Arguments)
            info.ArgumentList.Add(argument);
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        info.Environment["LANG"] = "C.UTF-8";

        var output = new StringBuilder();
        void Collect(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
                return;
            lock (output)
            {
                if (output.Length < MaxOutput)
                    output.Append(e.Data).Append('\n');
            }
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new IOException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            HookLog.Write(config, $"CANNOT RUN {hook.CommandLine}: {e.Message}");
            return new Attempt(HookState.Pending, $"cannot run {path}: {e.Message}");
        }

        using (process)
        {
            process.OutputDataReceived += Collect;
            process.ErrorDataReceived += Collect;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            process.StandardInput.Close();
            var watch = Stopwatch.StartNew();
            if (!process.WaitForExit(TimeSpan.FromSeconds(config.HookTimeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                HookLog.Write(config, $"TIMEOUT after {config.HookTimeoutSeconds}s {hook.CommandLine}", Captured(output));
                return new Attempt(HookState.Pending, $"timed out after {config.HookTimeoutSeconds}s");
            }

            process.WaitForExit();
            var code = process.ExitCode;
            HookLog.Write(config, $"exit {code} in {watch.ElapsedMilliseconds} ms: {hook.CommandLine}", Captured(output));
            return code == 0
                ? new Attempt(HookState.Done, null)
                : new Attempt(HookState.Pending, $"exited {code}: {LastLine(Captured(output))}");
        }
    }

    private static string Captured(StringBuilder output)
    {
        lock (output)
            return output.ToString();
    }

    private static string LastLine(string output)
    {
        var lines = output.TrimEnd().Split('\n');
        var last = lines[^1].Trim();
        return last.Length <= 200 ? last : last[..200];
    }
}
