using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// The program of an ini line as the checker starts it: a path as an absolute one (a relative path
/// counts from <c>/</c>, the working directory every script gets), a bare name as
/// <see cref="SystemTools"/> finds it in the system folders, never through PATH or the working directory.
/// </summary>
internal static class ProgramWord
{
    /// <summary>The absolute path to start; a bare name no system folder holds becomes a path that does not exist, so the call fails to start.</summary>
    public static string Path(string word) =>
        word.Contains('/', StringComparison.Ordinal)
            ? System.IO.Path.GetFullPath(word, "/")
            : SystemTools.Find(word) ?? System.IO.Path.Combine(SystemTools.Folders[0], word);

    /// <summary>The line with its program resolved.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> command) => [Path(command[0]), .. command.Skip(1)];
}
