using Cpvendor.Core.Native;
using Cpvendor.Core.Processes;

namespace Cpvendor.UnitTests.Processes;

/// <summary>
/// What root starts (docs/security.md, "What root runs"): a program only by its absolute path, a
/// system tool only from the system folders, a child with the clean PATH and its own working
/// directory, and, as root, only a program no other account can change, ACL included.
/// </summary>
public sealed class ProgramPathTests : IDisposable
{
    private readonly string dir;

    public ProgramPathTests()
    {
        dir = Directory.CreateTempSubdirectory("cpvendor-program-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("./id")]
    [InlineData("bin/id")]
    [InlineData("/usr/bin/../bin/id")]
    public void A_program_not_named_by_its_absolute_path_is_refused(string program)
    {
        Assert.Throws<ArgumentException>(() => ChildProcess.Run([program]));
        Assert.Throws<ArgumentException>(() => ChildProcess.Start([program]));
    }

    [Fact]
    public void A_relative_working_directory_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ChildProcess.Run(["/bin/pwd"], new ChildOptions { WorkingDirectory = "tmp" }));
    }

    [Fact]
    public void The_child_gets_the_clean_path_whatever_the_caller_passes_or_inherits()
    {
        var inherited = ChildProcess.Run(["/usr/bin/env"], new ChildOptions { CleanEnvironment = false, Environment = new Dictionary<string, string> { ["PATH"] = dir } });

        Assert.Contains("PATH=" + ChildProcess.CleanPath + "\n", inherited.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(dir, inherited.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_tool_comes_from_the_system_folders_only()
    {
        var sh = SystemTools.Find("sh");

        Assert.NotNull(sh);
        Assert.Contains(Path.GetDirectoryName(sh), SystemTools.Folders);
        Assert.Null(SystemTools.Find("cpvendor-no-such-tool"));
        Assert.Throws<ArgumentException>(() => SystemTools.Find("../bin/sh"));
        Assert.Contains("cpvendor-no-such-tool", Assert.Throws<Core.CpvendorException>(() => SystemTools.Resolve("cpvendor-no-such-tool")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_does_not_start_a_program_an_acl_lets_another_user_write()
    {
        Assert.SkipUnless(Libc.GetEuid() == 0 && File.Exists("/usr/bin/setfacl"), "needs root and setfacl (tests/setup/base.sh)");
        var program = Path.Combine(dir, "tool");
        File.WriteAllText(program, "#!/bin/sh\necho ran\n");
        File.SetUnixFileMode(program, (UnixFileMode)0b111_101_101);
        Assert.True(ChildProcess.Run(["/usr/bin/setfacl", "-m", "u:43210:rwx", program]).Succeeded);

        var refused = ChildProcess.Run([program]);
        var allowed = ChildProcess.Run([program], new ChildOptions { AllowUntrustedProgram = true });

        Assert.Contains("writable by uid 43210 through its ACL", refused.StartError, StringComparison.Ordinal);
        Assert.False(ChildProcess.Start([program]));
        Assert.Equal("ran\n", allowed.Stdout);
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
