using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/performance.md, "100,000 accounts": what takes seconds on a large panel (making a sample
/// store, publishing every account's answers in <c>install</c> and <c>publish</c>) draws one progress
/// line per step on a terminal, and prints nothing more when its error stream is a pipe, as under a
/// timer or a panel's job runner. The terminal is a real pseudo-terminal, made by util-linux
/// <c>script</c>.
/// </summary>
public sealed class ProgressOnTerminalTests
{
    private const int Accounts = 1_500;

    [Fact]
    public void Init_install_and_publish_print_no_progress_when_stderr_is_a_pipe()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-progress-");
        try
        {
            var store = Path.Combine(dir.FullName, "panel.db");
            var root = Path.Combine(dir.FullName, "root");
            var init = Run.Program(Repo.Binary, ["init", "--store", store, "--sample", Accounts.ToString(CultureInfo.InvariantCulture)]);
            Assert.True(init.ExitCode == 0, init.ToString());
            Assert.Equal("", init.Stderr);
            var install = Run.Program(Repo.Binary, ["install", "--root", root, "--store", store]);
            Assert.True(install.ExitCode == 0, install.ToString());
            Assert.Equal("", install.Stderr);
            var publish = Run.Program(Path.Combine(root, "opt/cpvendor/bin/cpvendor"), ["publish"]);
            Assert.True(publish.ExitCode == 0, publish.ToString());
            Assert.Equal("", publish.Stderr);
            Assert.DoesNotContain("account answers", init.Stdout + install.Stdout + publish.Stdout);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Init_install_and_publish_show_their_progress_on_a_terminal()
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-progress-");
        try
        {
            var store = Path.Combine(dir.FullName, "panel.db");
            var root = Path.Combine(dir.FullName, "root");
            var count = Accounts.ToString("N0", CultureInfo.InvariantCulture);
            var init = OnTerminal($"{Repo.Binary} init --store {store} --sample {Accounts}");
            Assert.Contains($"sample accounts: {count}/{count} (100%)", init);
            var install = OnTerminal($"{Repo.Binary} install --root {root} --store {store}");
            Assert.Contains($"account answers: {count}/{count} (100%)", install);
            var publish = OnTerminal($"{Path.Combine(root, "opt/cpvendor/bin/cpvendor")} publish");
            Assert.Contains($"account answers: {count}/{count} (100%)", publish);
            // Each step's line is redrawn in place and ended once.
            Assert.Single(publish.Split('\n'), line => line.Contains("account answers", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>What a command printed on a pseudo-terminal (stdout and stderr alike), after it succeeded.</summary>
    private static string OnTerminal(string command)
    {
        var run = Run.Program("/usr/bin/script", ["--quiet", "--return", "--command", command, "/dev/null"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }
}
