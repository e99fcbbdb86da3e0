using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Runs a command under GNU time, which reports the whole process's peak resident set (KiB) on
/// stderr: the one way the benches measure a command's peak memory.
/// </summary>
internal static class PeakMemory
{
    /// <summary>The command's wall time, peak resident set in KiB and standard output; throws when it fails.</summary>
    public static (TimeSpan Elapsed, long PeakKiB, string Stdout) Run(string file, params string[] arguments)
    {
        var (elapsed, peak, _, stdout) = RunWithCpu(file, arguments);
        return (elapsed, peak, stdout);
    }

    /// <summary>As <see cref="Run"/>, with the CPU time (user and system) the command and its children used.</summary>
    public static (TimeSpan Elapsed, long PeakKiB, TimeSpan Cpu, string Stdout) RunWithCpu(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-f", "%M %U %S", file, .. arguments])
            info.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {stderr.Result}{stdout.Result}");
        var last = stderr.Result.Trim().Split('\n')[^1].Split(' ');
        var cpu = double.Parse(last[1], CultureInfo.InvariantCulture) + double.Parse(last[2], CultureInfo.InvariantCulture);
        return (watch.Elapsed, long.Parse(last[0], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(cpu), stdout.Result);
    }
}
