using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Host;

/// <summary>How the install runs the system's own tools (groupadd, visudo, cagefsctl, always by absolute path) through <see cref="ChildProcess"/>.</summary>
public static class HostTools
{
    /// <summary>A tool that checks a file: clean environment, half a minute.</summary>
    public static ChildOptions Checked { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// A tool that changes the system as the administrator's shell would run it: this process's
    /// environment (its locale, its proxy) but the clean PATH and <c>/</c> as working directory.
    /// </summary>
    public static ChildOptions Inherited { get; } = new() { CleanEnvironment = false };

    /// <summary>
    /// Runs the system tool <c>argv[0]</c> (a bare name, found by <see cref="SystemTools"/>), which must
    /// succeed; a missing tool or a failure is a <see cref="CpvendorException"/> naming it.
    /// </summary>
    public static ChildResult RunChecked(IReadOnlyList<string> argv)
    {
        var result = ChildProcess.Run([SystemTools.Resolve(argv[0]), .. argv.Skip(1)], Inherited);
        if (result.StartError is { } error)
            throw CpvendorException.Io(error);
        if (result.ExitCode != 0)
            throw CpvendorException.Io($"{argv[0]} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        return result;
    }
}
