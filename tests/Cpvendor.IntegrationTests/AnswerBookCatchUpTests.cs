using System.Globalization;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The answer book catches up with the read model whatever happens to the process whose change made
/// it stale (ARCHITECTURE.md, "the answer book and the small binary"): its builder outlives a kill of
/// the command's whole process group, and a book whose builders were all killed (a cgroup ended) is
/// rebuilt on the next root call, without another change. Each test holds the book's lock while the
/// command runs, so the builder it starts waits, surely alive, until the kill comes.
/// </summary>
public sealed class AnswerBookCatchUpTests
{
    [Fact]
    public void The_builder_outlives_a_kill_of_the_commands_process_group()
    {
        using var install = TempInstall.Create(users: 10, seed: 5);
        SmallCpapiBinaryTests.WaitForBook(install);
        int builder;
        using (HoldBookLock(install))
        {
            // The command leads a process group of its own, as a job runner's or timeout's child does.
            var run = Run.Program("/usr/bin/setsid", ["--wait", "/bin/sh", "-c", "echo $$; exec \"$0\" \"$@\"", install.Binary,
                "user", "add", "grouped", "--owner", "admin", "--domain", "grouped.example", "--uid", "47001"]);
            Assert.True(run.ExitCode == 0, run.ToString());
            var group = int.Parse(run.Stdout.Split('\n')[0], CultureInfo.InvariantCulture);
            // Bounded only by the hang guard: a builder that never leaves the command's group fails here.
            builder = WaitForBuilder(install, LeadsItsSession);
            // The command itself has returned: what the kill can still reach is whatever it left in its group.
            _ = Run.Program("/bin/kill", ["-KILL", "--", "-" + group.ToString(CultureInfo.InvariantCulture)]);
        }

        Assert.True(IsAlive(builder), "the builder died with the process group of the command that started it");
        WaitForBookWithoutCalls(install);
    }

    [Fact]
    public void A_book_whose_builder_was_killed_is_rebuilt_on_the_next_root_call()
    {
        using var install = TempInstall.Create(users: 10, seed: 6);
        SmallCpapiBinaryTests.WaitForBook(install);
        using (HoldBookLock(install))
        {
            install.Checked("user", "add", "orphaned", "--owner", "admin", "--domain", "orphaned.example", "--uid", "47002");
            // Every process the command left behind ends, as when systemd stops a unit's cgroup.
            Run.Checked("/bin/kill", "-KILL", WaitForBuilder(install, _ => true).ToString(CultureInfo.InvariantCulture));
        }

        Assert.False(BookIsCurrent(install));
        var expected = install.FullCpapi(null, "users").Stdout;
        Assert.Contains("orphaned", expected, StringComparison.Ordinal);
        // No change from here on: only root's calls, each answered right, until the book serves again.
        for (var guard = DateTime.UtcNow + Run.HangGuard; !BookIsCurrent(install); Thread.Sleep(100))
        {
            Assert.True(DateTime.UtcNow < guard, "the answer book never caught up with the read model");
            Assert.Equal(expected, install.Cpapi("users").Stdout);
        }

        Assert.Equal(expected, install.Cpapi("users").Stdout);
    }

    /// <summary>Holds the book's lock as a builder does, so that builders wait for it.</summary>
    private static FileStream HoldBookLock(TempInstall install) =>
        new(Path.Combine(AnswerFiles.ModelFolder(install.Config), ".book.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>
    /// The process id of the install's book builder, once <paramref name="ready"/> holds for it (it
    /// waits for the lock the test holds, so it is there until the test lets it go).
    /// </summary>
    private static int WaitForBuilder(TempInstall install, Func<int, bool> ready)
    {
        for (var guard = DateTime.UtcNow + Run.HangGuard; DateTime.UtcNow < guard; Thread.Sleep(20))
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                    continue;
                try
                {
                    var argv = File.ReadAllText(Path.Combine(dir, "cmdline")).TrimEnd('\0').Split('\0');
                    if (argv is [var program, "publish", "--answer-book"] && program == install.Binary && ready(pid))
                        return pid;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The process ended while it was looked at.
                }
            }
        }

        throw new InvalidOperationException("no answer-book builder of the install appeared");
    }

    /// <summary>Whether the process leads a session of its own (field 6 of <c>/proc/PID/stat</c> is its session id).</summary>
    private static bool LeadsItsSession(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields[3] == pid.ToString(CultureInfo.InvariantCulture);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool BookIsCurrent(TempInstall install)
    {
        var book = File.Exists(AnswerFiles.Book(install.Config)) ? File.ReadAllBytes(AnswerFiles.Book(install.Config)) : [];
        return book.Length >= AnswerBookFormat.HeaderLength && AnswerBookFormat.StampOf(book) == GenerationStamp.Of(AnswerFiles.Generation(install.Config));
    }

    private static void WaitForBookWithoutCalls(TempInstall install)
    {
        for (var guard = DateTime.UtcNow + Run.HangGuard; !BookIsCurrent(install); Thread.Sleep(100))
            Assert.True(DateTime.UtcNow < guard, "the answer book never caught up with the read model");
    }
}
