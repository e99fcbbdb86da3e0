namespace Cpvendor.Cpapi.Identity;

public enum CallerRole
{
    /// <summary>uid 0: sees everything, including the db_info secret.</summary>
    Root,

    /// <summary>A member of the install's admin group: a panel administrator or trusted service account.</summary>
    Admin,

    /// <summary>Anyone else: only their own domains and panel_info.</summary>
    EndUser,
}

/// <summary>Who runs a script, as the kernel (or a trusted escalation path) says.</summary>
public sealed record Caller(uint Uid, CallerRole Role)
{
    public bool SeesEverything => Role is CallerRole.Root or CallerRole.Admin;
}
