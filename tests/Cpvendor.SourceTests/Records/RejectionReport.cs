using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Records;

/// <summary>Where a sync's rejected records are reported: its own stderr and exit status, <c>sync --status</c> and the doctor.</summary>
internal static class RejectionReport
{
    /// <summary>Checks that a sync rejected records, naming <paramref name="lines"/>, everywhere it reports them.</summary>
    public static void Everywhere(TempInstall install, RunResult sync, params string[] lines)
    {
        Assert.True(sync.ExitCode == ExitCodes.SyncRejectedRecords, sync.ToString());
        var status = install.Command("sync", "--status");
        Assert.True(status.ExitCode == ExitCodes.SyncRejectedRecords, status.ToString());
        var doctor = Run.Program(install.Binary, ["doctor", "--root", install.Root, "--format", "json"]);
        var finding = Assert.Single(JsonDocument.Parse(doctor.Stdout).RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("check").GetString() == "Panel records are all accepted by the sync");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        foreach (var line in lines)
        {
            Assert.Contains(line, sync.Stderr, StringComparison.Ordinal);
            Assert.Contains(line, status.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains(lines[0], finding.GetProperty("evidence").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Checks that nothing is rejected any more.</summary>
    public static void None(TempInstall install)
    {
        var status = install.Command("sync", "--status");
        Assert.True(status.ExitCode == ExitCodes.Success, status.ToString());
        Assert.DoesNotContain("rejected:", status.Stdout, StringComparison.Ordinal);
    }
}
