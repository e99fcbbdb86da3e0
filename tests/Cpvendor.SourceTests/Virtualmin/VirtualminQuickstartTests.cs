using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Virtualmin;

public sealed class VirtualminQuickstartTests
{
    [Fact]
    public void Quickstart_on_sample_virtualmin_files_conforms_and_reports_the_server_it_cannot_serve()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-qs-vm-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101); // end users must reach the install
        try
        {
            var run = Run.Cpvendor("quickstart", "--panel", "virtualmin", "--dir", Path.Combine(dir, "qs"), "--users", "20");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("20 accounts and 29 domains served", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("unmapped: domains/", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("UNIX user 'site0021' does not exist on this host", run.Stdout, StringComparison.Ordinal);
            Assert.Contains(" 0 failed, 0 warned", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("): conforms", run.Stdout, StringComparison.Ordinal);
            var config = File.ReadAllText(Path.Combine(dir, "qs/root/etc/webmin/virtual-server/config"));
            Assert.Contains("pre_command=" + Path.Combine(dir, "qs/root/opt/cpvendor/bin/cpvendor") + " virtualmin event --phase pre", config, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
