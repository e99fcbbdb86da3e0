using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2 under chaos: a writer committing in a loop, killed with SIGKILL at
/// random moments and at every named fault point, an administrator holding a read transaction on the
/// read model throughout, while root, an administrator and an end user call the cpapi without pause.
/// Every answer must be ok with nothing on stderr, and each must be exactly one published generation:
/// the accounts the writer added that an answer lists are always the first ones the store committed,
/// in commit order, never a set no generation held. bench/ holds the longer soak.
/// </summary>
public sealed class ReadModelChaosTests
{
    private static readonly string[] FaultPoints = ["before-commit", "after-commit", "after-publish", "after-governor", "after-hook", "after-pre-hook"];

    [Fact]
    public async Task Every_call_during_a_killed_writer_loop_answers_one_published_generation()
    {
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("rmchaos");
        var admin = unix.Create("rmchadm", null, group);
        var user = unix.Create("rmchusr");
        using var install = TempInstall.Create(users: 10, adminGroup: group);
        install.Checked("user", "add", user.Name, "--owner", "admin", "--domain", "chaos-end.example", "--uid", user.Uid.ToString(CultureInfo.InvariantCulture));
        // Every caller runs what integration.ini names, with CloudLinux's arguments appended.
        var ini = IniScripts.Of(install);
        var endUserAnswer = Envelope.Of(ini.Call(user, "domains")).Is("ok").Run.Stdout;

        var generation = ReadModelFiles.Current(install.Config);
        var script = $"import sqlite3, sys\nc = sqlite3.connect('file:{generation}?mode=ro', uri=True, isolation_level=None)\nc.execute('BEGIN')\nc.execute('SELECT count(*) FROM users').fetchone()\nprint('holding', flush=True)\nsys.stdin.read()\n";
        using var holder = Start("/usr/bin/setpriv", $"--reuid={admin.Uid}", $"--regid={admin.Gid}", "--init-groups", "--", "/usr/bin/python3", "-c", script);
        Assert.Equal("holding", holder.StandardOutput.ReadLine());

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var adminAnswers = new List<string[]>();
        var calls = 0;
        void Fail(string what)
        {
            lock (failures)
                failures.Add(what);
        }

        Task Reader(RunAs? caller, string[] args, Action<RunResult> judge) => Task.Run(() =>
        {
            var mine = 0;
            while (!stop.IsCancellationRequested || mine < 100)
            {
                var run = ini.Call(caller, args[0], args[1..]);
                mine++;
                Interlocked.Increment(ref calls);
                if (run.ExitCode != 0 || run.Stderr.Length != 0 || !run.Stdout.Contains("\"metadata\":{\"result\":\"ok\"}", StringComparison.Ordinal))
                    Fail(run.ToString());
                else
                    judge(run);
            }
        });

        var readers = new[]
        {
            Reader(null, ["users", "--fields=username"], run => Record(run)),
            Reader(admin, ["users"], run => Record(run)),
            Reader(admin, ["domains", "--name=chaos-end.example"], run => { }),
            Reader(user, ["domains"], run =>
            {
                if (run.Stdout != endUserAnswer)
                    Fail("end user: " + run.Stdout);
            }),
        };

        void Record(RunResult run)
        {
            var names = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("data").EnumerateArray()
                .Select(u => u.GetProperty("username").GetString()!).Where(n => n.StartsWith("chaos", StringComparison.Ordinal)).ToArray();
            lock (adminAnswers)
                adminAnswers.Add(names);
        }

        var fault = Path.Combine(InstallLayout.Under(install.Root, InstallLayout.EtcDir), "fault-point");
        var random = new Random(4711);
        var killed = 0;
        for (var i = 0; i < 36; i++)
        {
            var name = $"chaos{i:D3}";
            string[] add = ["user", "add", name, "--owner", "admin", "--domain", name + ".example", "--uid", (48000 + i).ToString(CultureInfo.InvariantCulture)];
            if (i % 3 == 1)
            {
                File.WriteAllText(fault, FaultPoints[i / 3 % FaultPoints.Length]);
                if (install.Command(add).ExitCode == 137)
                    killed++;
                File.Delete(fault);
            }
            else if (i % 3 == 2)
            {
                using var writer = Start(install.Binary, add);
                Thread.Sleep(random.Next(0, 30));
                writer.Kill();
                writer.WaitForExit();
                killed++;
            }
            else
            {
                install.Checked(add);
            }
        }

        install.Checked("hooks", "run");
        stop.Cancel();
        await Task.WhenAll(readers);
        holder.StandardInput.Close();
        holder.WaitForExit();

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, first: {string.Join("\n---\n", failures.Take(3))}");
        Assert.True(killed >= 12, $"only {killed} writers were killed");
        var committed = Committed(install.Store);
        Assert.Contains("chaos000", committed);
        var final = Envelope.Of(ini.Call("users", "--fields=username")).Is("ok").Data.EnumerateArray()
            .Select(u => u.GetProperty("username").GetString()!).Where(n => n.StartsWith("chaos", StringComparison.Ordinal)).ToArray();
        Assert.Equal(committed.Order(StringComparer.Ordinal), final);
        foreach (var answer in adminAnswers)
        {
            // An answer lists names in name order; as a set it must be what the first k commits made.
            var prefix = committed.Take(answer.Length).Order(StringComparer.Ordinal);
            Assert.True(prefix.SequenceEqual(answer), $"an answer no generation held: {string.Join(',', answer)}");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{calls} calls, {killed} writers killed");
        Assert.True(calls >= 400, $"only {calls} calls were made");
        Assert.True(ReadModelStatus.Of(install.Config).Current);
        StoreCheck.AssertConsistent(install.Store);
    }

    private static string[] Committed(string store)
    {
        var names = new List<string>();
        Cpvendor.Store.SqliteBootstrap.Init();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT username FROM users WHERE username LIKE 'chaos%' ORDER BY username";
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return [.. names];
    }

    private static Process Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
