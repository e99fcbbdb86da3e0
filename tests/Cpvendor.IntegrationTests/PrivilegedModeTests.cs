using System.Globalization;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// cpvendor install --privileged=sudo (docs/contract.md sections 6 and 7): the sudoers drop-in passes
/// visudo, and a real user running the wrapper through the real sudo with a forged SUDO_UID and
/// SUDO_USER still gets only their own data.
/// </summary>
public sealed class PrivilegedModeTests
{
    [Fact]
    public void The_sudoers_drop_in_passes_visudo_and_names_exact_paths()
    {
        using var host = TempHost.Create();
        host.InstallChecked("--privileged=sudo");

        var dropIn = host.Path("etc/sudoers.d/cpvendor");
        Assert.Equal(0, Run.Program("/usr/sbin/visudo", ["-cf", dropIn]).ExitCode);
        Assert.Equal((UnixFileMode)0b100_100_000, File.GetUnixFileMode(dropIn));
        var text = File.ReadAllText(dropIn);
        Assert.Contains("NOPASSWD:NOSETENV:", text);
        // What sudo and proxyexec run is the small copy; it execs the full copy beside it for the rest.
        var small = host.Path("usr/libexec/cpvendor/bin/cpvendor-cpapi");
        Assert.Contains($"Cmnd_Alias CPVENDOR_CPAPI = {small} cpapi *\n", text);
        Assert.DoesNotContain($"{host.Path("usr/libexec/cpvendor/bin/cpvendor")} ", text);
        Assert.Contains($"CPVENDOR_CPAPI=root:{small}\n", File.ReadAllText(host.Path("etc/cagefs/cpvendor.proxy.commands")));
        var wrapper = File.ReadAllText(host.Path("opt/cpvendor/bin/cpvendor-privileged"));
        Assert.Contains($"  exec {small} \"$@\"\n", wrapper);
        Assert.Contains($"exec /usr/bin/sudo -n -- {small} \"$@\"", wrapper);
        Assert.True(File.Exists(host.Path("usr/libexec/cpvendor/bin/cpvendor")));
        Assert.Contains($"panel_info = {host.Path("opt/cpvendor/bin/cpvendor-privileged")} cpapi panel_info", File.ReadAllText(host.Path("opt/cpvendor/etc/integration.ini")));
        Assert.Contains("identity = privileged", File.ReadAllText(host.Path("usr/libexec/cpvendor/etc/cpvendor.conf")));
        Assert.Contains("identity = kernel", File.ReadAllText(host.Path("opt/cpvendor/etc/cpvendor.conf")));
    }

    [Fact]
    public void A_forged_SUDO_UID_through_the_real_sudo_still_yields_only_the_callers_data()
    {
        using var host = TempHost.Create();
        host.InstallChecked("--privileged=sudo");
        using var users = new UnixUsers();
        var alice = users.Create("cpvalice", uid: 20003);
        var bob = users.Create("cpvbob", uid: 20004);
        string aliceAccount, bobAccount;
        using (var reader = PanelReader.Open(host.Store))
        {
            aliceAccount = reader.UsernamesOf(20003).Single();
            bobAccount = reader.UsernamesOf(20004).Single();
        }

        // Alice's key is made unreadable to her: only a call that really went through sudo (and so
        // runs as root) can answer her.
        var aliceFile = host.Path("opt/cpvendor/var/users/20003.key");
        Core.Native.Libc.Chown(aliceFile, 0, 0);
        File.SetUnixFileMode(aliceFile, UnixFileMode.UserRead);

        string installed;
        using (var rule = Security.SudoRule.Install(File.ReadAllText(host.Path("etc/sudoers.d/cpvendor"))))
        {
            installed = rule.Path;
            var forged = new Dictionary<string, string>
            {
                ["SUDO_UID"] = bob.Uid.ToString(CultureInfo.InvariantCulture),
                ["SUDO_USER"] = bob.Name,
                ["SUDO_GID"] = bob.Gid.ToString(CultureInfo.InvariantCulture),
            };
            var wrapper = host.Path("opt/cpvendor/bin/cpvendor-privileged");

            var own = Envelope.Of(Run.Program(wrapper, ["cpapi", "domains"], alice, forged)).Is("ok");
            Assert.NotEmpty(own.Data.EnumerateObject());
            Assert.All(own.Data.EnumerateObject(), d => Assert.Equal(aliceAccount, d.Value.GetProperty("owner").GetString()));

            Envelope.Of(Run.Program(wrapper, ["cpapi", "domains", "--owner", bobAccount], alice, forged)).Is("PermissionDenied");
            Envelope.Of(Run.Program(wrapper, ["cpapi", "users"], alice, forged)).Is("PermissionDenied");

            // The same forged variables given straight to the privileged copy, without sudo: the
            // process is not root, so they are ignored and the unreadable file cannot be read.
            var direct = Envelope.Of(Run.Program(host.Path("usr/libexec/cpvendor/bin/cpvendor"), ["cpapi", "domains"], alice, forged));
            Assert.Equal("InternalAPIError", direct.Result);
        }

        Assert.False(File.Exists(installed));
    }

    [Fact]
    public void The_privileged_copy_serves_cpapi_only()
    {
        using var host = TempHost.Create();
        host.InstallChecked("--privileged=sudo");

        var run = Run.Program(host.Path("usr/libexec/cpvendor/bin/cpvendor"), ["install", "--root", Path.Combine(host.Dir, "elsewhere"), "--store", host.Store]);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("serves 'cpapi' only", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(host.Dir, "elsewhere")));
    }

    [Fact]
    public void A_healthy_privileged_install_passes_the_sudo_check()
    {
        using var host = TempHost.Create();
        host.InstallChecked("--privileged=sudo");

        var run = host.Doctor();

        Assert.Contains("[ok     ] Sudo rules are valid and carry NOSETENV", run.Stdout);
        Assert.Contains("[ok     ] Every script line answers a valid envelope", run.Stdout);
    }
}
