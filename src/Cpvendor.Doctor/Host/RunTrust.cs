using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.Doctor.Host;

/// <summary>
/// Whether the doctor may run a script line of the tree it inspects. Run as root, a line runs as
/// root: the ini and every program of the line (interpreter and script file alike) must be root's
/// alone (<see cref="TrustedPath"/>), unless the doctor was told <c>--allow-untrusted</c>. Each refusal
/// is remembered so the command can exit with its own status (docs/security.md).
/// </summary>
internal sealed class RunTrust(string iniPath, bool allowUntrusted)
{
    private readonly List<string> refused = [];

    /// <summary>How a script line is run: as <see cref="Cpvendor.Host.HostTools.Checked"/>, trusted programs only unless told otherwise.</summary>
    public Core.Processes.ChildOptions Options { get; } = Cpvendor.Host.HostTools.Checked with { AllowUntrustedProgram = allowUntrusted };

    /// <summary>What was not run, and why.</summary>
    public IReadOnlyList<string> Refused => refused;

    /// <summary>Null when <paramref name="words"/> (program first, as a path under the inspected root) may be run as this process.</summary>
    public string? Refusal(string program, IEnumerable<string> arguments)
    {
        if (allowUntrusted || Libc.GetEuid() != 0)
            return null;
        var problem = TrustedPath.Problem(iniPath) is { } ini
            ? $"{iniPath} can be changed by a user other than root ({ini})"
            : arguments.Where(a => a.StartsWith('/') && File.Exists(a)).Prepend(program)
                .Select(file => TrustedPath.Problem(file) is { } p ? $"{file} can be changed by a user other than root ({p})" : null)
                .FirstOrDefault(p => p is not null);
        if (problem is not null && !refused.Contains(problem))
            refused.Add(problem);
        return problem;
    }
}
