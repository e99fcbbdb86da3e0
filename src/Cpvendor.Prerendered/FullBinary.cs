namespace Cpvendor.Prerendered;

/// <summary>
/// Hands a call the small binary does not answer to the full one: <c>BIN/cpvendor cpapi ARGS...</c>
/// beside it, through <c>execv(2)</c>, so the same process goes on with the same arguments, the same
/// environment and the same descriptors (stderr already pointed at /dev/null).
/// </summary>
public static class FullBinary
{
    public const string Name = "cpvendor";

    /// <summary>The small binary that hands calls to the full one beside it, in both install folders.</summary>
    public const string SmallName = "cpvendor-cpapi";

    /// <summary>An envelope for the one case the full binary cannot word: it could not be started.</summary>
    public static ReadOnlySpan<byte> Unstartable =>
        "{\"data\":null,\"metadata\":{\"result\":\"InternalAPIError\",\"message\":\"the cpvendor binary beside cpvendor-cpapi could not be run: reinstall cpvendor\"}}\n"u8;

    /// <summary>The full binary in the folder of <paramref name="smallBinary"/>.</summary>
    public static string Beside(string smallBinary) => Path.Combine(Path.GetDirectoryName(smallBinary) ?? "/", Name);

    /// <summary>
    /// Replaces this process with the full binary run with <paramref name="arguments"/> (its whole
    /// vector after its own path: <c>cpapi SCRIPT ARGS...</c>); returns only if that failed. Only an
    /// absolute path is executed: a relative one would name a file in whatever folder the caller runs from.
    /// </summary>
    public static void Exec(string fullBinary, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(fullBinary);
        if (!fullBinary.StartsWith('/'))
            return;
        var argv = new List<string>(arguments.Count + 1) { fullBinary };
        argv.AddRange(arguments);
        Native.Exec(fullBinary, argv);
    }
}
