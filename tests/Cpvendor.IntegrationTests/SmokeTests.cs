using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

public sealed class SmokeTests
{
    [Fact]
    public void Quickstart_installs_and_the_checker_finds_it_conforming()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-qs-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // end users must reach the install
        try
        {
            var run = Run.Cpvendor("quickstart", "--dir", Path.Combine(dir, "qs"), "--users", "20");
            Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
            Assert.Contains(" 0 failed, 0 warned", run.Stdout);
            Assert.Contains("): conforms", run.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
