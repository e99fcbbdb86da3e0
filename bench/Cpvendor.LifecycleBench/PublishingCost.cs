using System.Globalization;
using Cpvendor.Core.Processes;
using Cpvendor.IntegrationTests.Harness;

/// <summary>
/// What publishing the read model costs (docs/performance.md, "Publishing cost"), on the installs the
/// lifecycle bench made: a forced rebuild of the whole generation (<c>cpvendor publish</c>) against a
/// one-account change that patches it, on 10 and on the large store; and a burst, one
/// <c>cpvendor batch</c> of 1,000 account creations, against one <c>user add</c>, with the generations
/// it renamed into place counted through inotify (one publish is one rename onto <c>panel.db</c>).
/// </summary>
internal static class PublishingCost
{
    private const int Burst = 1_000;

    public static void Run(string small, string large, int largeUsers, int iterations, bool withBursts)
    {
        Console.WriteLine();
        Console.WriteLine($"publishing cost: medians of {iterations} runs (bursts: of {Math.Max(3, iterations / 5)})");
        var rebuild = new Dictionary<string, List<double>> { [small] = [], [large] = [] };
        var patch = new Dictionary<string, List<double>> { [small] = [], [large] = [] };
        for (var i = 0; i < iterations; i++)
        {
            foreach (var binary in new[] { small, large })
            {
                rebuild[binary].Add(Time(binary, ["publish"]));
                patch[binary].Add(Time(binary, ["user", "add", $"pub{i}", "--owner", "admin", "--domain", $"pub{i}.example", "--uid", (11_600 + i).ToString(CultureInfo.InvariantCulture)]));
            }
        }

        var (rebuildSmall, rebuildLarge) = (Median(rebuild[small]), Median(rebuild[large]));
        var (patchSmall, patchLarge) = (Median(patch[small]), Median(patch[large]));
        Console.WriteLine($"{"",-34} {"10 users",10} {largeUsers + " users",12} {"ratio",7}");
        Console.WriteLine($"{"publish (rebuild all, forced)",-34} {rebuildSmall,8:F1}ms {rebuildLarge,10:F1}ms {rebuildLarge / rebuildSmall,6:F2}x");
        Console.WriteLine($"{"user add (one account, patched)",-34} {patchSmall,8:F1}ms {patchLarge,10:F1}ms {patchLarge / patchSmall,6:F2}x");
        Console.WriteLine($"one-account change vs whole rebuild on {largeUsers} users: {patchLarge / rebuildLarge:F2}x");
        if (!withBursts)
            return;

        var bursts = new List<double>();
        var published = new List<int>();
        for (var run = 0; run < Math.Max(3, iterations / 5); run++)
        {
            var lines = Enumerable.Range(0, Burst).Select(i =>
                $"user add burst{run}x{i} --owner admin --domain burst{run}x{i}.example --uid {(12_000 + (run * Burst) + i).ToString(CultureInfo.InvariantCulture)}");
            using var watch = new PublishWatch(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(large)!)!, "var", "model"));
            bursts.Add(Time(large, ["batch"], string.Join('\n', lines) + "\n"));
            published.Add(watch.Publishes());
        }

        var burst = Median(bursts);
        Console.WriteLine($"batch of {Burst} user adds ({largeUsers} users): {burst:F1}ms median, {burst / patchLarge:F1}x one user add, "
            + $"{burst / Burst:F2}ms per change ({patchLarge / (burst / Burst):F0}x less than a command each); generations published per batch: {string.Join(", ", published)}");
    }

    private static double Time(string binary, string[] args, string? stdin = null)
    {
        var run = ChildProcess.Run([binary, .. args], new ChildOptions
        {
            Timeout = TimeSpan.FromMinutes(30),
            Stdin = stdin is null ? null : System.Text.Encoding.UTF8.GetBytes(stdin),
        });
        if (!run.Succeeded)
            throw new InvalidOperationException($"cpvendor {string.Join(' ', args)} failed: {run.StartError}{run.Stderr}{run.Stdout}");
        return run.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
