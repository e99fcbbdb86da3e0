namespace Cpvendor.Conformance;

/// <summary>The outcome of one check.</summary>
public enum CheckStatus
{
    /// <summary>Everything the check looked at conforms.</summary>
    Pass,

    /// <summary>A deviation CloudLinux would trip over.</summary>
    Fail,

    /// <summary>Allowed by the contract but risky, or slow.</summary>
    Warn,

    /// <summary>The check could not run here; the message says why.</summary>
    Skip,
}

public static class CheckStatuses
{
    public static string WireName(this CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.Warn => "warn",
        _ => "skip",
    };
}
