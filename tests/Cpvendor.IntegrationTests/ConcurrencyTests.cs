using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>Several writers and readers at once: no lost update, every answer a valid envelope.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Concurrent_writers_lose_nothing_and_readers_always_get_valid_answers()
    {
        using var install = TempInstall.Create(users: 0);
        var hooks = new RecordingHooks(install);
        install.Checked("admin", "add", "boss");
        const int writers = 4;
        const int perWriter = 6;

        using var stop = new CancellationTokenSource();
        var readerFailures = new List<string>();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var answers = 0;
            while (!stop.IsCancellationRequested || answers == 0)
            {
                var run = install.Cpapi("users");
                try
                {
                    Envelope.Of(run).Is("ok");
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    lock (readerFailures)
                        readerFailures.Add(run.ToString());
                }

                answers++;
            }

            return answers;
        })).ToArray();

        var results = Enumerable.Range(0, writers).AsParallel().WithDegreeOfParallelism(writers).Select(w =>
        {
            var failures = new List<string>();
            for (var i = 0; i < perWriter; i++)
            {
                var name = $"w{w}u{i}";
                var uid = (40000 + (w * 100) + i).ToString(CultureInfo.InvariantCulture);
                var run = install.Command("user", "add", name, "--owner", "boss", "--domain", name + ".example", "--uid", uid);
                if (run.ExitCode != 0)
                    failures.Add(run.ToString());
            }

            return failures;
        }).SelectMany(f => f).ToList();
        stop.Cancel();
        await Task.WhenAll(readers);

        Assert.Empty(results);
        Assert.Empty(readerFailures);
        var users = Envelope.Of(install.Cpapi("users")).Is("ok").Data.GetArrayLength();
        Assert.Equal(writers * perWriter, users);
        var creates = hooks.Lines().Where(l => l.StartsWith("post_modify_user.py create", StringComparison.Ordinal)).ToList();
        Assert.Equal(writers * perWriter, creates.Count);
        Assert.Equal(creates.Count, creates.Distinct().Count());
        Assert.Contains("no pending hook events", install.Checked("hooks", "list"));
        for (var w = 0; w < writers; w++)
        {
            for (var i = 0; i < perWriter; i++)
                Assert.NotNull(install.AccountImage((uint)(40000 + (w * 100) + i)));
        }

        StoreCheck.AssertConsistent(install.Store);
    }
}
