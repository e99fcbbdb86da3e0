using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The published binary is one NativeAOT ELF file (docs/contract.md section 6: no startup hooks, nothing to
/// probe for): it needs only the C library, nothing beside it, and stays under a size budget.
/// </summary>
public sealed class AotBinaryTests
{
    /// <summary>
    /// The size budget: about 1.25 times the binary when the budget was last set (the cpapi, the
    /// lifecycle, the doctor and the MariaDB and PostgreSQL drivers of sync, with the runtime's data
    /// kept undehydrated for a faster start; the measured size is in docs/performance.md). Growing
    /// past it needs a reason (and a new budget here and in docs/cpapi.md).
    /// </summary>
    public const long SizeBudgetBytes = 28_000_000;

    public const long SmallBinaryBudgetBytes = 2_500_000;

    private static readonly string[] AllowedLibraries = ["linux-vdso.so", "libc.so", "libm.so", "ld-linux-x86-64.so", "libdl.so", "libpthread.so", "librt.so"];

    [Fact]
    public void The_binary_is_a_64_bit_elf_executable()
    {
        var header = File.ReadAllBytes(Repo.Binary).AsSpan(0, 20).ToArray();

        Assert.Equal([0x7f, (byte)'E', (byte)'L', (byte)'F'], header[..4]);
        Assert.Equal(2, header[4]); // ELFCLASS64
        Assert.True(header[16] is 2 or 3, "an executable (ET_EXEC or ET_DYN)");
    }

    [Fact]
    public void The_binary_needs_only_the_c_library()
    {
        var ldd = Run.Checked("/usr/bin/ldd", Repo.Binary);
        var libraries = ldd.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => Path.GetFileName(line.Split(' ')[0]))
            .ToList();

        Assert.DoesNotContain("not found", ldd);
        Assert.All(libraries, library => Assert.True(AllowedLibraries.Any(library.StartsWith), $"unexpected dependency {library}:\n{ldd}"));
        foreach (var runtime in new[] { "sqlite", "coreclr", "clrjit", "System.Native", "hostfxr", "icu", "ssl", "stdc++" })
            Assert.DoesNotContain(runtime, ldd, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Nothing_managed_lies_beside_the_installed_binary()
    {
        using var install = TempInstall.FromStore(KnownPanel.WriteEmptyStore);

        var beside = Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(install.Binary)!).Select(Path.GetFileName);

        // The small cpapi binary the script lines name, and the position-independent builds of both
        // programs, kept for privileged mode (docs/security.md): all NativeAOT executables.
        Assert.Equal(["cpvendor", "cpvendor-cpapi", "cpvendor-cpapi-pie", "cpvendor-pie"], beside.Order(StringComparer.Ordinal));
        Envelope.Of(install.Cpapi("panel_info")).Is("ok");
    }

    [Fact]
    public void The_binary_stays_under_its_size_budget()
    {
        var size = new FileInfo(Repo.Binary).Length;

        Assert.True(size < SizeBudgetBytes, $"out/cpvendor is {size} bytes, over the budget of {SizeBudgetBytes}");
    }

    [Fact]
    public void The_small_cpapi_binary_stays_small()
    {
        // Its start-up cost is its image: without SQLite and the command-line parser it is 1.6 MB.
        var size = new FileInfo(Path.Combine(Path.GetDirectoryName(Repo.Binary)!, "cpvendor-cpapi")).Length;

        Assert.True(size < SmallBinaryBudgetBytes, $"out/cpvendor-cpapi is {size} bytes, over the budget of {SmallBinaryBudgetBytes}");
    }
}
