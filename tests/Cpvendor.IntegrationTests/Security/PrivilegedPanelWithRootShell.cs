namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A <see cref="PrivilegedPanel"/> whose end user alice may also start a root shell through sudo, a
/// rule of the kind hosts give their staff: that shell carries alice's SUDO_UID into whatever it runs.
/// </summary>
public sealed class PrivilegedPanelWithRootShell : IDisposable
{
    public PrivilegedPanelWithRootShell()
    {
        Panel = new PrivilegedPanel();
        Shell = SudoRule.Install($"{Panel.Alice.Name} ALL=(root) NOPASSWD: /bin/sh\n");
    }

    public PrivilegedPanel Panel { get; }

    public SudoRule Shell { get; }

    public void Dispose()
    {
        Shell.Dispose();
        Panel.Dispose();
    }
}
