using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Panel.Hooks;

/// <summary>
/// Runs one hook (docs/contract.md section 5): the script as an argument vector, never through a shell, as the
/// calling user (root), with a clean environment, stdin closed, a timeout after which the whole
/// process tree is killed, and its output captured to the hook log. A hook that a user other than
/// root can change is not run (docs/security.md, "Paths root trusts"); it stays pending.
/// </summary>
internal static class HookRunner
{
    private const int MaxOutput = 16 * 1024;

    private static readonly Dictionary<string, string> HookEnvironment = new() { ["LANG"] = "C.UTF-8" };

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

        // Hooks run as root: a hook a user other than root can change would run that user's commands.
        if (Core.Native.Libc.GetEuid() == 0 && Core.Paths.TrustedPath.Problem(path) is { } untrusted)
        {
            HookLog.Write(config, $"NOT RUN {hook.CommandLine}: {untrusted}");
            return new Attempt(HookState.Pending, $"refusing to run {path} as root: {untrusted}");
        }

        var run = ChildProcess.Run([path, .. hook.Arguments], new ChildOptions
        {
            Timeout = TimeSpan.FromSeconds(config.HookTimeoutSeconds),
            Environment = HookEnvironment,
            MaxCapture = MaxOutput,
            MergeOutput = true,
        });
        if (run.StartError is { } error)
        {
            HookLog.Write(config, $"CANNOT RUN {hook.CommandLine}: {error}");
            return new Attempt(HookState.Pending, error);
        }

        if (run.TimedOut)
        {
            HookLog.Write(config, $"TIMEOUT after {config.HookTimeoutSeconds}s {hook.CommandLine}", run.Stdout);
            return new Attempt(HookState.Pending, $"timed out after {config.HookTimeoutSeconds}s");
        }

        HookLog.Write(config, $"exit {run.ExitCode} in {(long)run.Elapsed.TotalMilliseconds} ms: {hook.CommandLine}", run.Stdout);
        return run.ExitCode == 0
            ? new Attempt(HookState.Done, null)
            : new Attempt(HookState.Pending, $"exited {run.ExitCode}: {LastLine(run.Stdout)}");
    }

    private static string LastLine(string output)
    {
        var lines = output.TrimEnd().Split('\n');
        var last = lines[^1].Trim();
        return last.Length <= 200 ? last : last[..200];
    }
}
