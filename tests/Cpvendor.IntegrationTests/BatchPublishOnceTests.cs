using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/lifecycle.md, "Batches": a burst publishes once. Each publish renames one new read-model
/// generation into place; <see cref="PublishWatch"/> counts those renames as the kernel reports them.
/// Two single commands count two, so a batch that published per line would count 1,000.
/// </summary>
public sealed class BatchPublishOnceTests
{
    private const int Lines = 1_000;

    [Fact]
    public void A_batch_of_1000_lifecycle_commands_publishes_the_read_model_once()
    {
        using var install = TempInstall.Create(users: 10);
        install.Checked("admin", "add", "boss");
        using var watch = new PublishWatch(install.Config);

        install.Checked("user", "add", "bpo1", "--owner", "boss", "--domain", "bpo1.example", "--uid", "45001");
        install.Checked("user", "add", "bpo2", "--owner", "boss", "--domain", "bpo2.example", "--uid", "45002");
        Assert.Equal(2, watch.Publishes());

        // Every kind of change a migrating panel makes: accounts, their domains and databases, then moves.
        var lines = new List<string> { "reseller add bpores --email bpores@example.com" };
        for (var i = 0; lines.Count < Lines; i++)
        {
            var name = $"bpb{i:D4}";
            lines.Add($"user add {name} --owner {(i % 2 == 0 ? "boss" : "bpores")} --domain {name}.example --uid {(46000 + i).ToString(CultureInfo.InvariantCulture)}");
            if (i % 4 == 0 && lines.Count < Lines)
                lines.Add($"domain add blog.{name}.example --owner {name}");
            if (i % 4 == 1 && lines.Count < Lines)
                lines.Add($"db add {name}_wp --owner {name}");
        }

        var run = Run.Program(install.Binary, ["batch"], stdin: string.Join('\n', lines) + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"applied {Lines} changes in one transaction", run.Stdout);

        Assert.Equal(3, watch.Publishes());
        // The one generation holds the whole batch, for every caller the ini names.
        var ini = IniScripts.Of(install);
        var users = Envelope.Of(ini.Call("users", "--fields=username")).Is("ok").Data;
        Assert.Equal(10 + 2 + lines.Count(l => l.StartsWith("user add", StringComparison.Ordinal)), users.GetArrayLength());
        Envelope.Of(ini.Call("domains", "--name=blog.bpb0000.example")).Is("ok");
        StoreCheck.AssertConsistent(install.Store);
    }
}
