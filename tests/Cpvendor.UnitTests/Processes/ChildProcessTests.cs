using System.Globalization;
using Cpvendor.Core.Processes;

namespace Cpvendor.UnitTests.Processes;

/// <summary>The one child-process runner, with real programs.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public void Arguments_reach_the_program_as_they_are_without_a_shell()
    {
        var run = ChildProcess.Run(["/usr/bin/printf", "%s|", "a b", "$HOME", "`id`", "*", ""]);

        Assert.True(run.Succeeded);
        Assert.Equal("a b|$HOME|`id`|*||", run.Stdout);
    }

    [Fact]
    public void The_environment_is_clean_unless_asked_otherwise()
    {
        Environment.SetEnvironmentVariable("CPVENDOR_CHILD_TEST", "leaked");

        var clean = ChildProcess.Run(["/usr/bin/env"], new ChildOptions { Environment = new Dictionary<string, string> { ["LANG"] = "C.UTF-8" } });
        var inherited = ChildProcess.Run(["/usr/bin/env"], new ChildOptions { CleanEnvironment = false });

        Assert.Equal(["LANG=C.UTF-8", "PATH=" + ChildProcess.CleanPath], clean.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains("CPVENDOR_CHILD_TEST=leaked", inherited.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_working_directory_is_the_root_by_default()
    {
        var run = ChildProcess.Run(["/bin/pwd"]);

        Assert.Equal("/\n", run.Stdout);
    }

    [Fact]
    public void Stdout_and_stderr_are_captured_apart_or_merged()
    {
        string[] argv = ["/bin/sh", "-c", "echo out; echo err >&2; exit 3"];

        var apart = ChildProcess.Run(argv);
        var merged = ChildProcess.Run(argv, new ChildOptions { MergeOutput = true });

        Assert.Equal(("out\n", "err\n", 3), (apart.Stdout, apart.Stderr, apart.ExitCode));
        Assert.Equal(["err", "out"], merged.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal("", merged.Stderr);
        Assert.False(apart.Succeeded);
    }

    [Fact]
    public void Stdin_carries_the_given_bytes_and_is_closed_after_them()
    {
        var input = new byte[1_000_000];
        Array.Fill(input, (byte)'x');

        var counted = ChildProcess.Run(["/usr/bin/wc", "-c"], new ChildOptions { Stdin = input });
        var closed = ChildProcess.Run(["/usr/bin/wc", "-c"]);

        Assert.Equal("1000000", counted.Stdout.Trim());
        Assert.Equal("0", closed.Stdout.Trim());
    }

    [Fact]
    public void A_started_child_runs_on_without_being_waited_for()
    {
        var folder = Directory.CreateTempSubdirectory("cpvendor-start-");
        try
        {
            var release = Path.Combine(folder.FullName, "release");
            var done = Path.Combine(folder.FullName, "done");

            // The child waits for a file only this test writes after Start returned: Start cannot have waited for it.
            var started = ChildProcess.Start(["/bin/sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.05; done; echo \"$PATH\" > \"$1.part\" && mv \"$1.part\" \"$1\"", release, done]);
            File.WriteAllText(release, "");
            // Bounded only to fail rather than hang.
            for (var guard = DateTime.UtcNow.AddMinutes(10); !File.Exists(done) && DateTime.UtcNow < guard;)
                Thread.Sleep(50);

            Assert.True(started);
            Assert.Equal(ChildProcess.CleanPath + "\n", File.ReadAllText(done));
            Assert.False(ChildProcess.Start(["/nonexistent/program"]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Output_beyond_the_bound_is_dropped_and_the_program_still_ends()
    {
        var run = ChildProcess.Run(["/usr/bin/head", "-c", "1000000", "/dev/zero"], new ChildOptions { MaxCapture = 4096 });

        Assert.True(run.Succeeded);
        Assert.Equal(4096, run.StdoutBytes.Length);
    }

    [Fact]
    public void Stdin_is_closed()
    {
        var run = ChildProcess.Run(["/bin/cat"]);

        Assert.True(run.Succeeded);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_program_that_cannot_start_is_a_result_not_an_exception()
    {
        var run = ChildProcess.Run(["/nonexistent/program", "x"]);

        Assert.NotNull(run.StartError);
        Assert.Contains("/nonexistent/program", run.StartError, StringComparison.Ordinal);
        Assert.Equal(-1, run.ExitCode);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void On_timeout_the_whole_process_tree_is_killed()
    {
        // The timeout must end the run after the shell printed its child's id; a machine too loaded to
        // get there in time gets a longer timeout, so only the killing is judged, never the speed.
        var timeout = TimeSpan.FromSeconds(2);
        var run = ChildProcess.Run(["/bin/sh", "-c", "sleep 300 & echo $!; wait"], new ChildOptions { Timeout = timeout });
        while (run.Stdout.Length == 0 && timeout < TimeSpan.FromMinutes(10))
        {
            timeout *= 2;
            run = ChildProcess.Run(["/bin/sh", "-c", "sleep 300 & echo $!; wait"], new ChildOptions { Timeout = timeout });
        }

        Assert.True(run.TimedOut);
        Assert.Equal(-1, run.ExitCode);
        var grandchild = int.Parse(run.Stdout.Trim(), CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{grandchild}") && !File.ReadAllText($"/proc/{grandchild}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"the grandchild {grandchild} still runs");
    }
}
