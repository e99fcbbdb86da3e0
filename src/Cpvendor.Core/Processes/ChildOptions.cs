namespace Cpvendor.Core.Processes;

/// <summary>
/// How <see cref="ChildProcess"/> runs a program. The defaults are the safe ones: a clean environment
/// holding only <see cref="ChildProcess.CleanPath"/> as PATH, working directory <c>/</c>, nothing on stdin, a
/// minute to finish.
/// </summary>
public sealed record ChildOptions
{
    public static ChildOptions Default { get; } = new();

    /// <summary>After this the whole process tree is killed and the result says it timed out.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Start from an empty environment (true), or inherit this process's (false); PATH is <see cref="ChildProcess.CleanPath"/> either way.</summary>
    public bool CleanEnvironment { get; init; } = true;

    /// <summary>Variables set on top of the clean or inherited environment.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The child's working directory, an absolute path; never this process's, which may be any user's folder.</summary>
    public string WorkingDirectory { get; init; } = "/";

    /// <summary>Bytes kept of each stream (of the merged one with <see cref="MergeOutput"/>); the rest is read and dropped.</summary>
    public int MaxCapture { get; init; } = 64 * 1024 * 1024;

    /// <summary>Bytes written to the child's stdin, which is then closed; null closes it at once.</summary>
    public ReadOnlyMemory<byte>? Stdin { get; init; }

    /// <summary>
    /// Run as root a program that a user other than root can change (<see cref="Paths.TrustedPath"/>):
    /// only for an administrator's explicit <c>--allow-untrusted</c>. Otherwise root refuses to start it.
    /// </summary>
    public bool AllowUntrustedProgram { get; init; }

    /// <summary>Capture stderr into stdout in the order the bytes arrive, as a log wants them.</summary>
    public bool MergeOutput { get; init; }
}
