namespace Cpvendor.Host;

/// <summary>How the CPAPI scripts reach data only root can read (docs/contract.md section 6).</summary>
public enum PrivilegedMode
{
    /// <summary>The default: scripts run as the caller and read what the caller may read.</summary>
    None,

    /// <summary>Scripts run as root through sudo (outside CageFS) or proxyexec (inside it).</summary>
    Sudo,
}

/// <summary>What <c>cpvendor install</c> was asked to do.</summary>
public sealed record InstallOptions(string Root, string Store, string AdminGroup = "cpvendor", string? Binary = null)
{
    public PrivilegedMode Privileged { get; init; } = PrivilegedMode.None;

    /// <summary>The panel's own system accounts, listed in a CageFS exclude file.</summary>
    public IReadOnlyList<string> SystemUsers { get; init; } = [];

    /// <summary>Folders each caged user gets a private copy of (<c>@PATH,700</c> in cagefs.mp).</summary>
    public IReadOnlyList<string> PersonalMounts { get; init; } = [];

    public int ServicePort { get; init; } = 9000;

    /// <summary>The flag that carries the admin name to <c>post_modify_admin.py</c> (docs/contract.md section 5).</summary>
    public string AdminHookFlag { get; init; } = "--name";

    /// <summary>How long one hook may run (docs/contract.md section 5: a hanging hook must not block the panel).</summary>
    public TimeSpan HookTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Accounts may share a UNIX id; CageFS is told through /etc/cagefs/enable.duplicate.uids.</summary>
    public bool AllowDuplicateUids { get; init; }

    /// <summary>The <c>[lvemanager_config]</c> choices (docs/contract.md section 4).</summary>
    public Choices.LvemanagerChoice Lvemanager { get; init; } = new();

    /// <summary>Virtualmin's module folder (as the host sees it): cpvendor becomes its pre/post-change command. Null: not a Virtualmin host.</summary>
    public string? VirtualminConfigDir { get; init; }
}
