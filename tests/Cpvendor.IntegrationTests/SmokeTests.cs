using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

public sealed class SmokeTests
{
    [Fact]
    public void Quickstart_installs_and_every_script_answers()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-qs-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // end users must reach the install
        try
        {
            var run = Run.Cpvendor("quickstart", "--dir", Path.Combine(dir, "qs"), "--users", "20");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("All scripts answered", run.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
