using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.IspConfig;

/// <summary><c>quickstart --panel ispconfig</c> on the test MariaDB: a sample panel in ISPConfig's tables, synced and judged.</summary>
public sealed class IspConfigQuickstartTests
{
    [Fact]
    public void The_ispconfig_quickstart_serves_its_sample_panel_and_conforms()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cpvendor-qs-isp-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var run = Run.Program(Repo.Binary, ["quickstart", "--panel", "ispconfig", "--dir", dir, "--users", "40", "--mariadb", PanelDatabase.MariaDbAdmin]);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("cpvendor sync: 40 accounts", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("conforms", run.Stdout, StringComparison.Ordinal);
            var binary = Path.Combine(dir, "root/opt/cpvendor/bin/cpvendor");
            var users = Envelope.Of(Run.Program(binary, ["cpapi", "users"])).Data.EnumerateArray().ToList();
            Assert.Equal(40, users.Count);
            Assert.All(users, u => Assert.StartsWith("web", u.GetProperty("username").GetString(), StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(dir))
                Directory.Delete(dir, recursive: true);
            using var admin = new MySqlConnector.MySqlConnection(PanelDatabase.MariaDbAdmin);
            admin.Open();
            using var drop = new MySqlConnector.MySqlCommand("DROP DATABASE IF EXISTS cpvendor_quickstart_ispconfig", admin);
            drop.ExecuteNonQuery();
        }
    }
}
