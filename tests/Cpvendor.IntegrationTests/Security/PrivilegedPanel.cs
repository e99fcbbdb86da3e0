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

    /// <summary>The full privileged copy, which the small one hands every call it does not answer to.</summary>
    public string PrivilegedCopy => System.IO.Path.Combine(Install.Root, "usr/libexec/cpvendor/bin/cpvendor");

    /// <summary>The privileged small copy the sudo rule, the proxyexec entry and the wrapper run.</summary>
    public string SmallCopy => System.IO.Path.Combine(Install.Root, "usr/libexec/cpvendor/bin/cpvendor-cpapi");

    /// <summary>A script call through the wrapper, as <paramref name="user"/> (sudo runs the privileged copy as root).</summary>
    public Envelope Through(RunAs user, params string[] args) => Envelope.Of(Run.Program(Wrapper, ["cpapi", .. args], user));

    /// <summary>
    /// What the full privileged copy itself answers <paramref name="user"/> (root when null): run as root
    /// with the uid in PROXYEXEC_UID, as CageFS proxyexec runs it.
    /// </summary>
    public RunResult FullCopyAnswer(RunAs? user, params string[] args) =>
        Run.Program(PrivilegedCopy, ["cpapi", .. args], environment: user is null ? null : new Dictionary<string, string>
        {
            ["PROXYEXEC_UID"] = user.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>Moves the full privileged copy away until disposed: whatever still answers then is the small copy.</summary>
    public IDisposable WithoutFullCopy()
    {
        File.Move(PrivilegedCopy, PrivilegedCopy + ".away");
        return new Restore(PrivilegedCopy);
    }

    public void Dispose()
    {
        if (File.Exists(PrivilegedCopy + ".away"))
            File.Move(PrivilegedCopy + ".away", PrivilegedCopy, overwrite: true);
        rule.Dispose();
        Install.Dispose();
        unix.Dispose();
    }

    private sealed class Restore(string path) : IDisposable
    {
        public void Dispose() => File.Move(path + ".away", path);
    }
}
