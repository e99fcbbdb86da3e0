using System.Diagnostics;

namespace Cpvendor.Sources;

/// <summary>
/// Runs derived hooks at once from the hooks folder, in order, as argument vectors (never through a
/// shell), each with a time limit. A missing hook is skipped; a failing or hanging one is reported on
/// <paramref name="log"/> and does not stop the others. Not durable: an install with the lifecycle's
/// hook queue hands events to that queue instead.
/// </summary>
public sealed class DirectHookSink(string hooksDir, TextWriter log, TimeSpan? timeout = null) : IHookSink
{
    private readonly TimeSpan limit = timeout ?? TimeSpan.FromSeconds(60);

    public void Deliver(IReadOnlyList<HookEvent> events)
    {
        foreach (var e in events)
        {
            var path = Path.Combine(hooksDir, e.Hook);
            if (!File.Exists(path))
            {
                log.WriteLine($"hook {e}: {path} is not installed, skipped");
                continue;
            }

            var info = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = "/" };
            foreach (var argument in e.Arguments)
                info.ArgumentList.Add(argument);
            try
            {
                using var process = Process.Start(info)!;
                process.StandardInput.Close();
                if (!process.WaitForExit(limit))
                {
                    process.Kill(entireProcessTree: true);
                    log.WriteLine($"hook {e}: did not finish within {limit.TotalSeconds} s, stopped");
                }
                else if (process.ExitCode != 0)
                {
                    log.WriteLine($"hook {e}: exit status {process.ExitCode}");
                }
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                log.WriteLine($"hook {e}: cannot run: {ex.Message}");
            }
        }
    }
}
