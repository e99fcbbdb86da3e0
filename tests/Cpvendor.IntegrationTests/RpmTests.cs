using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The RPM (docs/contract.md sections 4 and 7): built by packaging/rpm/build-rpm.sh, listed, installed
/// into a throw-away root with <c>rpm --root</c>, used, erased. rpm runs the scriptlets chrooted
/// into that root, so the root gets the minimal set they need: /bin/sh, the C library, /dev/null
/// and /dev/urandom, and account files with the admin group (there is no groupadd in it).
/// </summary>
public sealed class RpmTests
{
    [Fact]
    public void The_rpm_installs_into_a_root_runs_its_scripts_and_erases_cleanly()
    {
        using var host = TempHost.Create();
        var outDir = Path.Combine(host.Dir, "rpm");
        var build = Run.Program(Path.Combine(Repo.Root, "packaging/rpm/build-rpm.sh"), [outDir]);
        Assert.True(build.ExitCode == 0, build.ToString());
        var package = Directory.GetFiles(outDir, "cpvendor-*.x86_64.rpm").Single();

        var listing = Run.Checked("/usr/bin/rpm", "-qlp", package).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("/opt/cpvendor/bin/cpvendor", listing);
        Assert.Contains("/opt/cpvendor/etc/integration.ini", listing);
        Assert.Contains("public_cp_vendors_api < 1.4", Run.Checked("/usr/bin/rpm", "-qp", "--conflicts", package));
        Assert.Contains("cpvendor install --root /", Run.Checked("/usr/bin/rpm", "-qp", "--scripts", package));

        var root = Path.Combine(host.Dir, "rpmroot");
        PrepareChroot(root);
        Run.Checked(Repo.Binary, "init", "--store", Path.Combine(root, "var/lib/cpvendor/panel.db"), "--sample", "8");
        string[] rpm = ["--root", root, "--dbpath", "/var/lib/rpm"];
        Run.Checked("/usr/bin/rpm", [.. rpm, "--initdb"]);
        var install = Run.Program("/usr/bin/rpm", [.. rpm, "--nodeps", "-i", package]);
        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.DoesNotContain("failed", install.Stderr);

        // The %post scriptlet ran 'cpvendor install' inside the root.
        Assert.True(File.Exists(Path.Combine(root, "opt/cpvendor/etc/install-manifest.json")));
        Assert.Contains("store = /var/lib/cpvendor/panel.db", File.ReadAllText(Path.Combine(root, "opt/cpvendor/etc/cpvendor.conf")));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(root, "var/lib/cpvendor/panel.db")));

        foreach (var script in new[] { "panel_info", "users", "domains", "admins" })
            Envelope.Of(Run.Program("/usr/sbin/chroot", [root, "/opt/cpvendor/bin/cpvendor", "cpapi", script])).Is("ok");

        var erase = Run.Program("/usr/bin/rpm", [.. rpm, "-e", "cpvendor"]);
        Assert.True(erase.ExitCode == 0, erase.ToString());
        Assert.False(Directory.Exists(Path.Combine(root, "opt/cpvendor")));
        Assert.True(File.Exists(Path.Combine(root, "var/lib/cpvendor/panel.db")));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(Path.Combine(root, "var/lib/cpvendor/panel.db")));
    }

    [Fact]
    public void An_rpm_upgrade_of_a_sudo_mode_host_keeps_the_host_as_it_was_set_up()
    {
        using var host = TempHost.Create();
        var first = Build(Path.Combine(host.Dir, "rpm1"), release: 1);
        var second = Build(Path.Combine(host.Dir, "rpm2"), release: 2);
        Assert.EndsWith("-2.x86_64.rpm", second, StringComparison.Ordinal);

        var root = Path.Combine(host.Dir, "rpmroot");
        PrepareChroot(root);
        Run.Checked(Repo.Binary, "init", "--store", Path.Combine(root, "var/lib/cpvendor/panel.db"), "--sample", "8");
        string[] rpm = ["--root", root, "--dbpath", "/var/lib/rpm"];
        Run.Checked("/usr/bin/rpm", [.. rpm, "--initdb"]);
        var install = Run.Program("/usr/bin/rpm", [.. rpm, "--nodeps", "-i", first]);
        Assert.True(install.ExitCode == 0, install.ToString());

        // The host is then set up by hand in sudo mode, inside the root, as root would on the server.
        var sudo = Run.Program("/usr/sbin/chroot", [root, "/opt/cpvendor/bin/cpvendor", "install", "--root", "/", "--store", "/var/lib/cpvendor/panel.db", "--privileged=sudo", "--system-user", "panelsvc"]);
        Assert.True(sudo.ExitCode == 0, sudo.ToString());
        var ini = Path.Combine(root, "opt/cpvendor/etc/integration.ini");
        Assert.Contains("panel_info = /opt/cpvendor/bin/cpvendor-privileged cpapi panel_info", File.ReadAllText(ini));
        string[] tree = [Path.Combine(root, "opt"), Path.Combine(root, "etc"), Path.Combine(root, "usr"), Path.Combine(root, "var/lib/cpvendor")];
        var before = TreeSnapshot.Of(tree);

        var upgrade = Run.Program("/usr/bin/rpm", [.. rpm, "--nodeps", "-U", second]);

        Assert.True(upgrade.ExitCode == 0, upgrade.ToString());
        Assert.DoesNotContain("failed", upgrade.Stderr);
        Assert.Contains("-2.x86_64", Run.Checked("/usr/bin/rpm", [.. rpm, "-q", "cpvendor"]));
        TreeSnapshot.Of(tree).AssertSameAs(before, withTimes: false);
        Envelope.Of(Run.Program("/usr/sbin/chroot", [root, "/usr/libexec/cpvendor/bin/cpvendor", "cpapi", "users"])).Is("ok");
        Envelope.Of(Run.Program("/usr/sbin/chroot", [root, "/usr/libexec/cpvendor/bin/cpvendor-cpapi", "cpapi", "users"])).Is("ok");
    }

    [Fact]
    public void The_rpm_requires_the_glibc_symbol_versions_its_binaries_use_none_newer_than_2_28()
    {
        using var host = TempHost.Create();
        var package = Build(Path.Combine(host.Dir, "rpm"), release: 1);

        var requires = Run.Checked("/usr/bin/rpm", "-qpR", package).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Contains(requires, r => r.StartsWith("libc.so.6(GLIBC_", StringComparison.Ordinal));
        var versioned = requires.Where(r => r.Contains("(GLIBC_", StringComparison.Ordinal)).ToList();
        Assert.All(versioned, r => Assert.True(GlibcProviders.VersionOf(r) <= new Version(2, 28), $"{r} is newer than glibc 2.28: {string.Join(", ", versioned)}"));
        // Nothing but the C library's own libraries, OpenSSL's (loaded at run time) and what rpm itself needs of a package.
        Assert.All(requires, r => Assert.True(GlibcProviders.IsGlibcOrRpm(r), $"the rpm requires {r}, which glibc does not provide"));
        Assert.Contains("openssl-libs", requires);
    }

    [Fact]
    public void A_host_whose_c_library_is_too_old_refuses_the_rpm_and_one_with_glibc_2_28_takes_it()
    {
        using var host = TempHost.Create();
        var package = Build(Path.Combine(host.Dir, "rpm"), release: 1);
        var old = GlibcProviders.Build(Path.Combine(host.Dir, "glibc-2.17"), new Version(2, 17));
        var current = GlibcProviders.Build(Path.Combine(host.Dir, "glibc-2.28"), new Version(2, 28));

        var refused = GlibcProviders.InstallInto(Path.Combine(host.Dir, "db-old"), old, package);
        var taken = GlibcProviders.InstallInto(Path.Combine(host.Dir, "db-current"), current, package);

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Failed dependencies", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("libc.so.6(GLIBC_2.", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("is needed by cpvendor", refused.Stderr, StringComparison.Ordinal);
        Assert.True(taken.ExitCode == 0, taken.ToString());
    }

    private static string Build(string outDir, int release)
    {
        var build = Run.Program(Path.Combine(Repo.Root, "packaging/rpm/build-rpm.sh"), [outDir], environment: new Dictionary<string, string> { ["CPV_RELEASE"] = release.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.True(build.ExitCode == 0, build.ToString());
        return Directory.GetFiles(outDir, "cpvendor-*.x86_64.rpm").Single();
    }

    private static void PrepareChroot(string root)
    {
        foreach (var dir in new[] { "bin", "lib/x86_64-linux-gnu", "lib64", "etc", "dev", "tmp", "var/tmp", "var/lib/cpvendor" })
            Directory.CreateDirectory(Path.Combine(root, dir));
        File.Copy("/bin/dash", Path.Combine(root, "bin/sh"));
        // The C library's parts the binaries may name (toolchain/check-binary.sh allows no others): on
        // glibc 2.28, which they are linked for, threads, dlopen and clocks live in libraries of their own.
        foreach (var lib in new[] { "libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1" })
            File.Copy(Path.Combine("/lib/x86_64-linux-gnu", lib), Path.Combine(root, "lib/x86_64-linux-gnu", lib));
        File.Copy("/lib64/ld-linux-x86-64.so.2", Path.Combine(root, "lib64/ld-linux-x86-64.so.2"));
        File.WriteAllText(Path.Combine(root, "etc/group"), "root:x:0:\ncpvendor:x:990:\n");
        File.WriteAllText(Path.Combine(root, "etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        foreach (var (name, minor) in new[] { ("null", "3"), ("urandom", "9") })
            Run.Checked("/usr/bin/mknod", "-m", "666", Path.Combine(root, "dev", name), "c", "1", minor);
    }
}
