using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.HostTests;

/// <summary>
/// The .deb (packaging/deb, <c>./build.sh deb</c>): what it declares, read from the file here, and
/// its life on a host, with dpkg only inside Debian 11 and 12 roots: install (postinst runs
/// <c>cpvendor install</c>), an upgrade to a rebuilt higher version after a sudo-mode install (the
/// host stays as it was set up, no prompt), removal (prerm runs <c>cpvendor uninstall</c>) and purge;
/// the store stays throughout.
/// </summary>
public sealed class DebPackageTests(DebBuilds builds) : IClassFixture<DebBuilds>
{
    private const string Store = "/var/lib/cpvendor/panel.db";
    private const string Ini = "/opt/cpvendor/etc/integration.ini";

    [Fact]
    public void The_deb_depends_on_libc6_2_28_and_ships_the_rpms_layout_without_integration_ini()
    {
        var deb = builds.First;

        Assert.Equal("libc6 (>= 2.28), libssl3 | libssl3t64 | libssl1.1", Run.Checked("/usr/bin/dpkg-deb", "--field", deb, "Depends").Trim());
        Assert.Equal("cpvendor", Run.Checked("/usr/bin/dpkg-deb", "--field", deb, "Package").Trim());
        var files = Run.Checked("/usr/bin/dpkg-deb", "--contents", deb);
        foreach (var file in new[] { "./opt/cpvendor/bin/cpvendor", "./opt/cpvendor/bin/cpvendor-cpapi", "./opt/cpvendor/bin/cpvendor-pie", "./opt/cpvendor/bin/cpvendor-cpapi-pie", "./opt/cpvendor/lvemanager/" })
            Assert.Contains(" " + file, files, StringComparison.Ordinal);
        Assert.DoesNotContain("integration.ini", files, StringComparison.Ordinal);
        Assert.Contains("-rwxr-xr-x root/root", files, StringComparison.Ordinal);
        var control = Run.Checked("/usr/bin/dpkg-deb", "--info", deb);
        Assert.DoesNotContain("conffiles", control, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bullseye")]
    [InlineData("bookworm")]
    public void The_deb_installs_upgrades_a_sudo_mode_host_as_it_was_removes_and_purges_keeping_the_store(string suite)
    {
        using var root = DebianRoot.Open(suite);
        root.CopyIn(builds.First, "/tmp/cpvendor-1.deb", (UnixFileMode)0b110_100_100);
        root.CopyIn(builds.Second, "/tmp/cpvendor-2.deb", (UnixFileMode)0b110_100_100);
        // The panel's store, made before the package as a panel would have it.
        root.CopyIn(Path.Combine(Repo.Root, "out", "cpvendor"), "/root/cpvendor", (UnixFileMode)0b111_000_000);
        root.Checked("/root/cpvendor", "init", "--store", Store, "--sample", "8");

        var install = root.Run("/usr/bin/dpkg", "-i", "/tmp/cpvendor-1.deb");

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.DoesNotContain("failed", install.Stderr, StringComparison.Ordinal);
        Assert.True(root.Exists("/opt/cpvendor/etc/install-manifest.json"), "postinst did not run cpvendor install");
        Assert.Contains("panel_info = /opt/cpvendor/bin/cpvendor-cpapi panel_info", root.Read(Ini), StringComparison.Ordinal);
        Assert.NotEqual(0, root.Run("/usr/bin/dpkg", "-S", Ini).ExitCode);
        Assert.Equal("", root.Checked("/usr/bin/dpkg-query", "--showformat=${Conffiles}", "--show", "cpvendor").Trim());
        Envelope.Of(root.Run("/opt/cpvendor/bin/cpvendor-cpapi", "users")).Is("ok");

        // The host is then set up by hand in sudo mode, as root would on the server.
        root.Checked("/opt/cpvendor/bin/cpvendor", "install", "--root", "/", "--store", Store, "--privileged=sudo", "--system-user", "panelsvc");
        Assert.Contains("panel_info = /opt/cpvendor/bin/cpvendor-privileged cpapi panel_info", root.Read(Ini), StringComparison.Ordinal);
        string[] tree = [root.HostPath("/opt"), root.HostPath("/etc/sudoers.d"), root.HostPath("/usr/libexec/cpvendor"), root.HostPath("/var/lib/cpvendor")];
        var before = TreeSnapshot.Of(tree);

        var upgrade = root.Run("/usr/bin/dpkg", "-i", "/tmp/cpvendor-2.deb");

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.DoesNotContain("failed", upgrade.Stderr, StringComparison.Ordinal);
        Assert.Equal("1.0.0-2", root.Checked("/usr/bin/dpkg-query", "--showformat=${Version}", "--show", "cpvendor").Trim());
        TreeSnapshot.Of(tree).AssertSameAs(before, withTimes: false);
        Envelope.Of(root.Run("/usr/libexec/cpvendor/bin/cpvendor", "cpapi", "users")).Is("ok");
        Envelope.Of(root.Run("/usr/libexec/cpvendor/bin/cpvendor-cpapi", "cpapi", "users")).Is("ok");

        var remove = root.Run("/usr/bin/dpkg", "-r", "cpvendor");

        Assert.True(remove.ExitCode == 0, remove.ToString());
        Assert.DoesNotContain("failed", remove.Stderr, StringComparison.Ordinal);
        foreach (var gone in new[] { "/opt/cpvendor/bin/cpvendor", Ini, "/opt/cpvendor/etc/install-manifest.json", "/etc/sudoers.d/cpvendor", "/usr/libexec/cpvendor" })
            Assert.False(root.Exists(gone), $"{gone} is left after removal");
        Assert.True(root.Exists(Store), "removal took the store");

        var purge = root.Run("/usr/bin/dpkg", "-P", "cpvendor");

        Assert.True(purge.ExitCode == 0, purge.ToString());
        Assert.NotEqual(0, root.Run("/usr/bin/dpkg-query", "--show", "cpvendor").ExitCode);
        Assert.True(root.Exists(Store), "purge took the store");
        Assert.True(root.Exists(Store + ".secret"), "purge took the db_info secret");
    }
}
