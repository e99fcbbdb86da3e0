using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// The checker's options for <see cref="ChildProcess"/>: the clean environment, the call's timeout,
/// and the variables a check that plays a hostile caller adds (HOME, USER, interpreter hooks); a
/// program a user can change runs as root only when the administrator said <c>--allow-untrusted</c>.
/// </summary>
internal static class ChildRun
{
    public static ChildResult Of(IReadOnlyList<string> argv, TimeSpan timeout, IEnumerable<KeyValuePair<string, string>>? environment = null, bool allowUntrusted = false) =>
        ChildProcess.Run(argv, new ChildOptions
        {
            Timeout = timeout,
            Environment = environment?.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            AllowUntrustedProgram = allowUntrusted,
        });
}
