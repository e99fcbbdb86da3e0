using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A <see cref="KnownPanel"/> installed in privileged mode (<c>--privileged=sudo</c>) with its sudo rule
/// live in the real sudo, and real users whose uids are the panel's: alice, an end user with
/// domains, and an administrator in the install's admin group.
/// </summary>
public sealed class PrivilegedPanel : IDisposable
{
    private readonly UnixUsers unix = new();
    private readonly SudoRule rule;

    public PrivilegedPanel()
    {
        Panel = new KnownPanel((uint)Random.Shared.Next(400_000, 490_000) * 10);
        AdminGroup = unix.CreateGroup("cpvsadm");
        Alice = unix.Create("cpvsa", Panel.AliceUid);
        Admin = unix.Create("cpvso", Panel.AdminUid, AdminGroup);
        Install = TempInstall.FromStore(store => Panel.WriteStore(store), AdminGroup, "--privileged=sudo");
        rule = SudoRule.Install(File.ReadAllText(System.IO.Path.Combine(Install.Root, "etc/sudoers.d/cpvendor")));
    }

    public KnownPanel Panel { get; }

    public string AdminGroup { get; }

    public TempInstall Install { get; }

    public RunAs Alice { get; }

    public RunAs Admin { get; }

    /// <summary>What integration.ini names in privileged mode: sudo for a caller who is not root.</summary>
    public string Wrapper => System.IO.Path.Combine(Install.Root, "opt/cpvendor/bin/cpvendor-privileged");

    /// <summary>The privileged copy the sudo rule runs.</summary>
    public string PrivilegedCopy => System.IO.Path.Combine(Install.Root, "usr/libexec/cpvendor/bin/cpvendor");

    /// <summary>A script call through the wrapper, as <paramref name="user"/> (sudo runs the privileged copy as root).</summary>
    public Envelope Through(RunAs user, params string[] args) => Envelope.Of(Run.Program(Wrapper, ["cpapi", .. args], user));

    public void Dispose()
    {
        rule.Dispose();
        Install.Dispose();
        unix.Dispose();
    }
}
