using System.Text;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The published snapshots of the unfiltered admin users and domains answers: byte for byte the
/// answer of the read-model generation they were built from, and never served for another one.
/// </summary>
public sealed class AnswerSnapshotTests
{
    [Theory]
    [InlineData("users")]
    [InlineData("domains")]
    public void Full_list_from_the_snapshot_equals_the_live_answer(string script)
    {
        using var install = TempInstall.Create(users: 40);
        var snapshot = SnapshotFile(install, script);
        Assert.True(File.Exists(snapshot), $"install published no {snapshot}");

        var published = install.FullCpapi(null, script);
        File.Delete(snapshot);
        var live = install.FullCpapi(null, script);

        Envelope.Of(live);
        Assert.Equal(live.Stdout, published.Stdout);
    }

    [Theory]
    [InlineData("users")]
    [InlineData("domains")]
    public void Full_list_after_a_new_generation_is_answered_from_that_generation(string script)
    {
        using var install = TempInstall.Create(users: 40);
        var live = install.FullCpapi(null, script).Stdout;
        var snapshot = SnapshotFile(install, script);
        var header = File.ReadAllText(snapshot).Split('\n')[0];
        const string Marker = "{\"data\":[],\"metadata\":{\"result\":\"ok\"}}\n";
        File.WriteAllText(snapshot, header + "\n" + Marker, new UTF8Encoding(false));
        Assert.Equal(Marker, install.FullCpapi(null, script).Stdout);

        using (var connection = PanelStore.OpenForWrite(install.Store))
        using (var writer = new PanelWriter(connection))
            writer.Commit();
        // Still the generation the snapshot was built from: the store is not what answers.
        Assert.Equal(Marker, install.FullCpapi(null, script).Stdout);

        // A new generation: the snapshot of the old one no longer applies.
        Assert.Equal(Store.ReadModel.PublishOutcome.Published, Store.ReadModel.ReadModelPublisher.Publish(install.Config));
        Assert.Equal(live, install.FullCpapi(null, script).Stdout);
    }

    [Fact]
    public void Filtered_calls_never_use_the_snapshot()
    {
        using var install = TempInstall.Create(users: 40);
        var snapshot = SnapshotFile(install, "users");
        var header = File.ReadAllText(snapshot).Split('\n')[0];
        var live = install.FullCpapi(null, "users", "--fields=id,username").Stdout;
        File.WriteAllText(snapshot, header + "\n{\"data\":[],\"metadata\":{\"result\":\"ok\"}}\n", new UTF8Encoding(false));

        Assert.Equal(live, install.FullCpapi(null, "users", "--fields=id,username").Stdout);
    }

    private static string SnapshotFile(TempInstall install, string script) =>
        Path.Combine(install.Config.DataDir, "admin", script + ".json");
}
