using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/security.md, "A fixed-address executable": the copy installed for privileged mode runs as
/// root, so it is the position-independent build (ELF type ET_DYN, an image the kernel randomises),
/// while the unprivileged binary stays at a fixed address (ET_EXEC). Both answer alike.
/// </summary>
public sealed class PrivilegedCopyTests
{
    private const byte FixedAddress = 2;
    private const byte PositionIndependent = 3;

    [Fact]
    public void The_privileged_copy_is_position_independent_and_answers_as_the_binary_does()
    {
        using var host = TempHost.Create(users: 4);
        host.InstallChecked("--privileged=sudo");
        var binary = host.Path("opt/cpvendor/bin/cpvendor");
        var privileged = host.Path("usr/libexec/cpvendor/bin/cpvendor");

        var small = host.Path("opt/cpvendor/bin/cpvendor-cpapi");
        var privilegedSmall = host.Path("usr/libexec/cpvendor/bin/cpvendor-cpapi");

        Assert.Equal(FixedAddress, ElfType(binary));
        Assert.Equal(PositionIndependent, ElfType(privileged));
        Assert.Equal(FixedAddress, ElfType(small));
        Assert.Equal(PositionIndependent, ElfType(privilegedSmall));
        foreach (var script in new[] { "panel_info", "users", "domains" })
        {
            var expected = Envelope.Of(Run.Program(binary, ["cpapi", script])).Is("ok").Run.Stdout;
            Assert.Equal(expected, Envelope.Of(Run.Program(privileged, ["cpapi", script])).Is("ok").Run.Stdout);
            Assert.Equal(expected, Envelope.Of(Run.Program(privilegedSmall, ["cpapi", script])).Is("ok").Run.Stdout);
        }
    }

    [Fact]
    public void Privileged_mode_refuses_to_install_without_the_small_binarys_position_independent_build()
    {
        using var host = TempHost.Create(users: 2);
        var source = Path.Combine(host.Dir, "source");
        Directory.CreateDirectory(source);
        foreach (var name in new[] { "cpvendor", "cpvendor-pie", "cpvendor-cpapi" })
        {
            File.Copy(Path.Combine(Repo.Root, "out", name), Path.Combine(source, name));
            File.SetUnixFileMode(Path.Combine(source, name), (UnixFileMode)0b111_101_101);
        }

        var lonely = Path.Combine(source, "cpvendor");
        var run = Run.Program(lonely, ["install", "--root", host.Root, "--store", host.Store, "--binary", lonely, "--privileged=sudo"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("cpvendor-cpapi-pie", run.Stderr);
        Assert.False(File.Exists(host.Path("usr/libexec/cpvendor/bin/cpvendor-cpapi")));
        Assert.False(File.Exists(host.Path("etc/sudoers.d/cpvendor")));
    }

    [Fact]
    public void Privileged_mode_refuses_to_install_a_fixed_address_copy()
    {
        using var host = TempHost.Create(users: 2);
        var lonely = Path.Combine(host.Dir, "cpvendor");
        File.Copy(Repo.Binary, lonely);
        File.SetUnixFileMode(lonely, (UnixFileMode)0b111_101_101);

        var run = Run.Program(lonely, ["install", "--root", host.Root, "--store", host.Store, "--binary", lonely, "--privileged=sudo"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("position-independent", run.Stderr);
        Assert.False(File.Exists(host.Path("usr/libexec/cpvendor/bin/cpvendor")));
    }

    /// <summary>e_type of an ELF file (offset 16, little-endian).</summary>
    private static byte ElfType(string path)
    {
        var header = new byte[18];
        using var file = File.OpenRead(path);
        file.ReadExactly(header);
        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], header[..4]);
        Assert.Equal(0, header[17]);
        return header[16];
    }
}
