namespace Cpvendor.Core;

/// <summary>
/// The real failures cpvendor knows about, each built by a named factory. Caught at one site per
/// entry point: an InternalAPIError envelope for cpapi, a message and exit code for commands.
/// </summary>
public sealed class CpvendorException : Exception
{
    private CpvendorException(string message, int exitCode, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public CpvendorException()
        : this("cpvendor failed", 1)
    {
    }

    public CpvendorException(string message)
        : this(message, 1)
    {
    }

    public CpvendorException(string message, Exception inner)
        : this(message, 1, inner)
    {
    }

    /// <summary>The exit status a command reports for this failure.</summary>
    public int ExitCode { get; }

    public static CpvendorException NotInstalled(string detail) => new($"cpvendor is not installed here: {detail}", 3);

    public static CpvendorException BadConfig(string path, string detail) => new($"{path}: {detail}", 3);

    public static CpvendorException StoreUnavailable(string detail, Exception? inner = null) => new($"panel store unavailable: {detail}", 4, inner);

    public static CpvendorException DataUnavailable(string detail) => new($"published data unavailable: {detail}", 4);

    public static CpvendorException Invalid(string detail) => new(detail, 2);

    public static CpvendorException Io(string detail, Exception? inner = null) => new(detail, 5, inner);

    /// <summary>Exit status of a root command that refused a path or program a user other than root can change.</summary>
    public const int UntrustedExitCode = 6;

    /// <summary>A root command refused to use a folder, or run a program, that a user other than root can change.</summary>
    public static CpvendorException Untrusted(string detail) => new(detail, UntrustedExitCode);
}
