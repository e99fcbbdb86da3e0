using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The check <c>./build.sh</c> runs on every shipped binary (toolchain/check-binary.sh, docs/build.md)
/// passes the published binaries and refuses small programs built here with the machine's own
/// compiler and C library that need what glibc 2.28 or Linux 4.18 lacks, or export a symbol.
/// </summary>
public sealed class BinaryCheckTests
{
    private static string Script => Path.Combine(Repo.Root, "toolchain", "check-binary.sh");

    /// <summary>Compiles <paramref name="source"/> with the machine's gcc and runs the check on it.</summary>
    private static RunResult CheckProgram(string source, params string[] gccOptions)
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-check-").FullName;
        try
        {
            var file = Path.Combine(dir, "program.c");
            File.WriteAllText(file, source);
            var binary = Path.Combine(dir, "program");
            Run.Checked("/usr/bin/gcc", [.. gccOptions, "-o", binary, file]);
            return Run.Program(Script, [binary]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private const string DirectCall =
        """
        #include <unistd.h>
        int main(int argc, char **argv) { (void)argv; return argc > 9 ? (int)syscall(NUMBER, 0, 0) : 0; }
        """;

    [Fact]
    public void The_shipped_binaries_pass()
    {
        var binaries = new[] { "cpvendor", "cpvendor-cpapi", "cpvendor-pie", "cpvendor-cpapi-pie" }.Select(name => Path.Combine(Repo.Root, "out", name)).ToArray();

        var run = Run.Program(Script, binaries);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        foreach (var binary in binaries)
            Assert.Contains($"{binary}: GLIBC_2.28 at most, ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_linked_against_this_machines_c_library_fails()
    {
        var run = CheckProgram("int main(void) { return 0; }");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"needs GLIBC_2\.(29|[3-9][0-9]), newer than GLIBC_2\.28: .*__libc_start_main", run.Stderr);
    }

    [Fact]
    public void A_program_that_exports_a_symbol_fails()
    {
        var run = CheckProgram("int cpvendor_probe_export(void) { return 1; }\nint main(void) { return cpvendor_probe_export() - 1; }", "-rdynamic");

        Assert.Equal(1, run.ExitCode);
        Assert.Matches("exports dynamic symbols: .*cpvendor_probe_export", run.Stderr);
    }

    [Theory]
    [InlineData("-O0")]
    [InlineData("-O2")]
    public void A_direct_system_call_linux_4_18_lacks_fails(string optimisation)
    {
        // 435 is clone3 (Linux 5.3).
        var run = CheckProgram(DirectCall.Replace("NUMBER", "435", StringComparison.Ordinal), optimisation);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("makes system call 435, which Linux 4.18 lacks", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direct_system_call_of_linux_4_18_passes_that_part()
    {
        // 334 is rseq, the last system call Linux 4.18 added.
        var run = CheckProgram(DirectCall.Replace("NUMBER", "334", StringComparison.Ordinal), "-O2");

        Assert.DoesNotContain("makes system call", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("direct system calls: 334", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syscall_instruction_linux_4_18_lacks_fails()
    {
        // 439 is faccessat2 (Linux 5.8), made without the C library's help.
        var run = CheckProgram(
            """
            int main(int argc, char **argv)
            {
                long result;
                (void)argv;
                if (argc > 9)
                    __asm__ volatile ("syscall" : "=a"(result) : "a"(439L) : "rcx", "r11", "memory");
                return 0;
            }
            """,
            "-O2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("makes system call 439, which Linux 4.18 lacks", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_call_whose_number_is_not_fixed_fails()
    {
        var run = CheckProgram(DirectCall.Replace("NUMBER", "argc", StringComparison.Ordinal), "-O0");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("makes a system call whose number this check cannot read", run.Stderr, StringComparison.Ordinal);
    }
}
