namespace Cpvendor.Core;

/// <summary>Where the caller's identity may come from (docs/contract.md section 6).</summary>
public enum IdentityMode
{
    /// <summary>The kernel's real uid only. The default: scripts run unprivileged.</summary>
    Kernel,

    /// <summary>
    /// As <see cref="Kernel"/>, and additionally <c>SUDO_UID</c> when the process runs as root under
    /// sudo configured with NOSETENV, or <c>PROXYEXEC_UID</c> under CageFS proxyexec.
    /// </summary>
    Privileged,
}
