using System.Text;

namespace Cpvendor.Core.Processes;

/// <summary>
/// What a child process did: its output, its exit status (-1 when it timed out or never started),
/// how long it took, and why it could not start (null when it did).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819", Justification = "The captured output is a copy made for this result alone; callers hand it to byte-oriented checks as it is.")]
public sealed record ChildResult(byte[] StdoutBytes, string Stderr, int ExitCode, TimeSpan Elapsed, bool TimedOut, string? StartError)
{
    private string? stdout;

    /// <summary>Stdout as UTF-8 text.</summary>
    public string Stdout => stdout ??= Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>The program started and exited 0 within its time.</summary>
    public bool Succeeded => StartError is null && !TimedOut && ExitCode == 0;
}
