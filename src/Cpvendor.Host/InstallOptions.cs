namespace Cpvendor.Host;

/// <summary>What <c>cpvendor install</c> was asked to do.</summary>
public sealed record InstallOptions(string Root, string Store, string AdminGroup = "cpvendor", string? Binary = null)
{
    /// <summary>How long one hook may run (CONTRACT.md section 5: a hanging hook must not block the panel).</summary>
    public int HookTimeoutSeconds { get; init; } = 60;

    /// <summary>The flag the admin hooks take: <c>--name</c> (current CloudLinux) or <c>--username</c>.</summary>
    public string AdminHookFlag { get; init; } = "--name";

    /// <summary>Accounts may share a UNIX id; CageFS is told through /etc/cagefs/enable.duplicate.uids.</summary>
    public bool AllowDuplicateUids { get; init; }
}
