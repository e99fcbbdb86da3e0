using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>Asserts that a lifecycle command is refused as bad input (exit 2, one line) and changes nothing.</summary>
internal static class RefusedChange
{
    public static void Assert(TempInstall install, string message, params string[] command)
    {
        var revision = StoreCheck.Scalar(install.Store, "SELECT revision FROM panel");
        var events = StoreCheck.Scalar(install.Store, "SELECT count(*) FROM hook_events");
        var run = install.Command(command);
        Xunit.Assert.True(run.ExitCode == 2, $"cpvendor {string.Join(' ', command)}: {run}");
        Xunit.Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Xunit.Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Xunit.Assert.Equal(revision, StoreCheck.Scalar(install.Store, "SELECT revision FROM panel"));
        Xunit.Assert.Equal(events, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM hook_events"));
    }
}
