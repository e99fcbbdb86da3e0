using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Host;

/// <summary>How the install runs the system's own tools (groupadd, visudo, cagefsctl) through <see cref="ChildProcess"/>.</summary>
public static class HostTools
{
    /// <summary>A tool that checks a file: clean environment, half a minute.</summary>
    public static ChildOptions Checked { get; } = new() { Timeout = TimeSpan.FromSeconds(30), WorkingDirectory = null };

    /// <summary>A tool that changes the system as the administrator's shell would run it: this process's environment and folder.</summary>
    public static ChildOptions Inherited { get; } = new() { CleanEnvironment = false, WorkingDirectory = null };

    /// <summary>Runs a tool that must succeed; a failure is a <see cref="CpvendorException"/> naming it.</summary>
    public static ChildResult RunChecked(IReadOnlyList<string> argv)
    {
        var result = ChildProcess.Run(argv, Inherited);
        if (result.StartError is { } error)
            throw CpvendorException.Io(error);
        if (result.ExitCode != 0)
            throw CpvendorException.Io($"{argv[0]} failed ({result.ExitCode}): {result.Stderr.Trim()}");
        return result;
    }
}
