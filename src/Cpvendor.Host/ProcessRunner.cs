using System.Diagnostics;
using Cpvendor.Core;

namespace Cpvendor.Host;

/// <summary>Runs a system tool as an argument vector (never through a shell) and captures its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut);

    public static Result Run(string file, IEnumerable<string> args, TimeSpan? timeout = null, IReadOnlyDictionary<string, string>? environment = null, bool clearEnvironment = false)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        if (clearEnvironment)
        {
            info.Environment.Clear();
            info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw CpvendorException.Io($"could not start {file}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var timedOut = !process.WaitForExit(timeout ?? TimeSpan.FromSeconds(60));
        if (timedOut)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();
        watch.Stop();
        return new Result(timedOut ? -1 : process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed, timedOut);
    }

    public static Result RunChecked(string file, IEnumerable<string> args)
    {
        var result = Run(file, args);
        if (result.ExitCode != 0)
            throw CpvendorException.Io($"{file} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        return result;
    }
}
