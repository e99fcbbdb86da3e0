using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// Runs an argument vector the way CloudLinux runs a script: no shell, a clean environment holding
/// only PATH, stdin closed, working directory <c>/</c>, stdout kept as bytes, stderr as text, and a
/// time limit after which the whole process tree is killed.
/// </summary>
internal static class ProcessExec
{
    public const string CleanPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Output beyond this is cut off; the answer is then reported as too large.</summary>
    public const int MaxCapture = 64 * 1024 * 1024;

    public sealed record Outcome(byte[] Stdout, string Stderr, int ExitCode, TimeSpan Elapsed, bool TimedOut, string? StartError);

    /// <summary>
    /// Runs <paramref name="argv"/>; <paramref name="environment"/> adds variables to the clean one
    /// (the checks that play a hostile caller set HOME, USER or interpreter hooks this way).
    /// </summary>
    public static Outcome Run(IReadOnlyList<string> argv, TimeSpan timeout, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        for (var i = 1; i < argv.Count; i++)
            info.ArgumentList.Add(argv[i]);
        info.Environment.Clear();
        info.Environment["PATH"] = CleanPath;
        foreach (var (name, value) in environment ?? [])
            info.Environment[name] = value;

        var watch = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return new Outcome([], "", -1, watch.Elapsed, false, $"cannot run {argv[0]}: {e.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = Capture(process.StandardOutput.BaseStream);
            var stderr = Capture(process.StandardError.BaseStream);
            var timedOut = !process.WaitForExit(timeout);
            if (timedOut)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It ended between the wait and the kill.
                }
            }

            process.WaitForExit();
            watch.Stop();
            var errText = Encoding.UTF8.GetString(stderr.Result);
            return new Outcome(stdout.Result, errText, timedOut ? -1 : process.ExitCode, watch.Elapsed, timedOut, null);
        }
    }

    private static async Task<byte[]> Capture(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length < MaxCapture)
                buffer.Write(chunk, 0, (int)Math.Min(read, MaxCapture - buffer.Length));
        }

        return buffer.ToArray();
    }
}
