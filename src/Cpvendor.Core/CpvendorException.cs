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
        : this("cpvendor failed", ExitCodes.Failure)
    {
    }

    public CpvendorException(string message)
        : this(message, ExitCodes.Failure)
    {
    }

    public CpvendorException(string message, Exception inner)
        : this(message, ExitCodes.Failure, inner)
    {
    }

    /// <summary>The exit status a command reports for this failure.</summary>
    public int ExitCode { get; }

    public static CpvendorException NotInstalled(string detail) => new($"cpvendor is not installed here: {detail}", ExitCodes.NotInstalled);

    public static CpvendorException BadConfig(string path, string detail) => new($"{path}: {detail}", ExitCodes.NotInstalled);

    public static CpvendorException StoreUnavailable(string detail, Exception? inner = null) => new($"panel store unavailable: {detail}", ExitCodes.Unavailable, inner);

    public static CpvendorException DataUnavailable(string detail) => new($"published data unavailable: {detail}", ExitCodes.Unavailable);

    public static CpvendorException Invalid(string detail) => new(detail, ExitCodes.Invalid);

    /// <summary>The store refused a change or a read (locked past its timeout, damaged, a constraint); the message is SQLite's.</summary>
    public static CpvendorException StoreFailed(string detail, Exception inner) => new(detail, ExitCodes.Failure, inner);

    public static CpvendorException Io(string detail, Exception? inner = null) => new(detail, ExitCodes.Io, inner);

    /// <summary>A root command refused to use a folder, or run a program, that a user other than root can change.</summary>
    public static CpvendorException Untrusted(string detail) => new(detail, ExitCodes.Untrusted);
}
