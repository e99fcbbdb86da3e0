namespace Cpvendor.Panel;

/// <summary>Where a stored hook event stands.</summary>
public enum HookState
{
    /// <summary>Not delivered yet: new, or failed and waiting for its next attempt.</summary>
    Pending,

    /// <summary>The hook ran and exited 0.</summary>
    Done,

    /// <summary>Not delivered on purpose: no CloudLinux hooks directory, or skipped by an operator.</summary>
    Skipped,
}
