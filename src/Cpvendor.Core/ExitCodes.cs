namespace Cpvendor.Core;

/// <summary>
/// The exit statuses of the <c>cpvendor</c> commands, by name. A cpapi call exits
/// <see cref="Success"/> whatever its envelope says (docs/contract.md section 2); the doctor and the
/// checker have vocabularies of their own, listed below the common ones.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran but did not get done: an event still pending, a token that failed closed, an answer not written.</summary>
    public const int Failure = 1;

    /// <summary>Refused input: an unknown command or option, a bad value, a name that breaks the contract's rules.</summary>
    public const int Invalid = 2;

    /// <summary>No install here, or its configuration cannot be read.</summary>
    public const int NotInstalled = 3;

    /// <summary>The panel store or the published data cannot be read now.</summary>
    public const int Unavailable = 4;

    /// <summary>A file or a system tool failed.</summary>
    public const int Io = 5;

    /// <summary>A root command refused a folder it did not make, or a program, that a user other than root can change (docs/security.md).</summary>
    public const int Untrusted = 6;

    /// <summary>
    /// <c>cpvendor sync</c>: the sync applied every record it could accept and is a good sync, but the
    /// panel has records it did not accept (docs/contract.md section 8); they are listed on stderr and
    /// by <c>sync --status</c>. Distinct from every failure, so a timer's unit shows it as failed.
    /// </summary>
    public const int SyncRejectedRecords = 7;

    /// <summary><c>cpvendor doctor</c> (the monitoring-plugin convention): the worst finding is a warning.</summary>
    public const int DoctorWarning = 1;

    /// <summary><c>cpvendor doctor</c>: the worst finding is an error.</summary>
    public const int DoctorError = 2;

    /// <summary><c>cpvendor doctor</c>: nothing wrong was found but something could not be read.</summary>
    public const int DoctorUnknown = 3;

    /// <summary><c>cpvendor check</c>: at least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary><c>cpvendor check</c>: nothing could be checked (the ini is missing or unreadable).</summary>
    public const int CheckAborted = 2;
}
