using System.Diagnostics;
using System.Globalization;
using Cpvendor.Core.Processes;

// Lifecycle speed: a change rewrites only what it affects, so a command on a 10,000-account store
// costs about what it costs on a 10-account store. Both stores are measured in the same run,
// interleaved, and reported as a ratio. Hooks are excluded (no hooks directory: events are stored
// and marked skipped); a separate line times a user creation with a real hook.
// With --baseline BINARY (an earlier build), the same commands also run on a third store of the
// large size installed with that binary, so the cost of publishing the read model is a ratio too.
// --sample-cache DIR keeps each sample store made by `init --sample` in DIR and copies it on later
// runs, so a 100,000-account store is generated once. --lifecycle-only skips the batch bursts.
//   dotnet run -c Release --project bench/Cpvendor.LifecycleBench -- [--iterations N] [--large N] [--baseline BINARY] [--sample-cache DIR]
var iterations = Arg("--iterations", 25);
var cacheIndex = Array.IndexOf(args, "--sample-cache");
var sampleCache = cacheIndex >= 0 && cacheIndex + 1 < args.Length ? Path.GetFullPath(args[cacheIndex + 1]) : null;
var withBursts = !args.Contains("--lifecycle-only");
var baselineIndex = Array.IndexOf(args, "--baseline");
var baselineBinary = baselineIndex >= 0 && baselineIndex + 1 < args.Length ? Path.GetFullPath(args[baselineIndex + 1]) : null;
var largeUsers = Arg("--large", 10_000);
var binary = Path.Combine(FindRepo(), "out", "cpvendor");
if (!File.Exists(binary))
{
    Console.Error.WriteLine($"{binary} is missing: run ./build.sh first");
    return 1;
}

var work = Directory.CreateTempSubdirectory("cpvendor-lifecycle-bench-").FullName;
try
{
    var small = Install(binary, work, "small", 10, sampleCache);
    var large = Install(binary, work, "large", largeUsers, sampleCache);
    var baseline = baselineBinary is null ? null : Install(baselineBinary, work, "baseline", largeUsers, sampleCache);
    Console.WriteLine($"lifecycle bench: {iterations} runs per command and store, medians, published binary as a process");
    Console.WriteLine($"{"command",-16} {"10 users",10} {largeUsers + " users",12} {"ratio",7}" + (baseline is null ? "" : $" {"baseline " + largeUsers,16} {"vs baseline",12}"));

    var ops = new (string Name, Func<string, int, string[]> Args)[]
    {
        ("user add", (owner, i) => ["user", "add", $"bench{i}", "--owner", owner, "--domain", $"bench{i}.example", "--uid", (11_000 + i).ToString(CultureInfo.InvariantCulture)]),
        ("domain rename", (owner, i) => ["domain", "rename", i % 2 == 0 ? "bench0.example" : "renamed0.example", "--new-name", i % 2 == 0 ? "renamed0.example" : "bench0.example", "--include-subdomains"]),
        ("db add", (owner, i) => ["db", "add", $"bench0_db{i}", "--owner", "bench0"]),
    };
    var worst = 0.0;
    foreach (var (name, command) in ops)
    {
        var times = new Dictionary<string, List<double>> { ["small"] = [], ["large"] = [], ["baseline"] = [] };
        // user add runs first and creates bench0... in both stores; the other commands use bench0.
        for (var i = 0; i < iterations; i++)
        {
            foreach (var (label, bin) in new[] { ("small", small), ("large", large), ("baseline", baseline) })
            {
                if (bin is not null)
                    times[label].Add(Time(bin, command("admin", i)));
            }
        }

        var s = Median(times["small"]);
        var l = Median(times["large"]);
        worst = Math.Max(worst, l / s);
        var b = baseline is null ? 0 : Median(times["baseline"]);
        Console.WriteLine($"{name,-16} {s,8:F1}ms {l,10:F1}ms {l / s,6:F2}x" + (baseline is null ? "" : $" {b,14:F1}ms {l / b,11:F2}x"));
    }

    // An account created, then deleted: the latency of the two commands together.
    var pair = new Dictionary<string, List<double>> { [small] = [], [large] = [] };
    for (var i = 0; i < iterations; i++)
    {
        foreach (var bin in new[] { small, large })
        {
            var uid = (11_400 + i).ToString(CultureInfo.InvariantCulture);
            pair[bin].Add(Time(bin, ["user", "add", $"pair{i}", "--owner", "admin", "--domain", $"pair{i}.example", "--uid", uid])
                + Time(bin, ["user", "delete", $"pair{i}"]));
        }
    }

    var (pairSmall, pairLarge) = (Median(pair[small]), Median(pair[large]));
    Console.WriteLine($"{"user add + delete",-16} {pairSmall,8:F1}ms {pairLarge,10:F1}ms {pairLarge / pairSmall,6:F2}x (target: within 1.5x)");

    // Before any hook exists: the publishing figures time the publisher, not a hook.
    PublishingCost.Run(small, large, largeUsers, iterations, withBursts);
    PublishCpu.Run([("10 users", small), ($"{largeUsers} users", large)], iterations);
    Footprint.Report([("10 users", small), ($"{largeUsers} users", large)]);

    // A user creation with its post hook: a hooks directory whose post_modify_user.py is a tiny shell script.
    var hooks = Path.Combine(work, "large", "root", "usr/share/cloudlinux/hooks");
    Directory.CreateDirectory(hooks);
    var script = Path.Combine(hooks, "post_modify_user.py");
    File.WriteAllText(script, "#!/bin/sh\nexit 0\n");
    File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
    var withHook = new List<double>();
    for (var i = 0; i < iterations; i++)
        withHook.Add(Time(large, ["user", "add", $"hooked{i}", "--owner", "admin", "--domain", $"hooked{i}.example", "--uid", (11_200 + i).ToString(CultureInfo.InvariantCulture)]));
    Console.WriteLine($"user add with its hook ({largeUsers} users, trivial hook): {Median(withHook):F1}ms median");
    Console.WriteLine($"worst ratio {worst:F2}x (target: within 2x)");
    return 0;
}
finally
{
    DeleteWhenIdle(work);
}

// The book builders the last commands started run on in sessions of their own and may still be
// writing in the model folders: the tree goes once they are done.
static void DeleteWhenIdle(string work)
{
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            Directory.Delete(work, recursive: true);
            return;
        }
        catch (IOException) when (attempt < 120)
        {
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }
}

static string Install(string binary, string work, string name, int users, string? cache)
{
    var dir = Path.Combine(work, name);
    Directory.CreateDirectory(dir);
    var store = Path.Combine(dir, "panel.db");
    var count = users.ToString(CultureInfo.InvariantCulture);
    if (cache is null)
    {
        Checked(binary, "init", "--store", store, "--sample", count);
    }
    else
    {
        var cached = Path.Combine(cache, $"sample-{count}.db");
        if (!File.Exists(cached))
        {
            Directory.CreateDirectory(cache);
            var made = Path.Combine(cache, $".sample-{count}.{Environment.ProcessId}.db");
            var init = Footprint.Peak(binary, "init", "--store", made, "--sample", count);
            File.Move(made, cached);
            Console.WriteLine($"init --sample {count}: {init.Elapsed.TotalSeconds:F1} s, peak RSS {init.PeakKiB / 1024.0:F0} MB");
        }

        File.Copy(cached, store);
    }

    // Every store gets the same db_info credential, as a host running lve-stats has (init makes a
    // random one, a copied sample none): a change of database users then republishes root's db_info.
    File.WriteAllText(store + ".secret", """{"login":"cpvendor_stats","password":"bench","host":"localhost","port":3306}""");
    File.SetUnixFileMode(store + ".secret", UnixFileMode.UserRead | UnixFileMode.UserWrite);
    var install = Footprint.Peak(binary, "install", "--root", Path.Combine(dir, "root"), "--store", store);
    Console.WriteLine($"install ({count} accounts): {install.Elapsed.TotalSeconds:F1} s, peak RSS {install.PeakKiB / 1024.0:F0} MB");
    return Path.Combine(dir, "root", "opt/cpvendor/bin/cpvendor");
}

static double Time(string binary, string[] args)
{
    var watch = Stopwatch.StartNew();
    Checked(binary, args);
    return watch.Elapsed.TotalMilliseconds;
}

static void Checked(string binary, params string[] args)
{
    var run = ChildProcess.Run([binary, .. args], new ChildOptions { Timeout = TimeSpan.FromMinutes(30) });
    if (!run.Succeeded)
        throw new InvalidOperationException($"cpvendor {string.Join(' ', args)} failed: {run.StartError}{run.Stderr}{run.Stdout}");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from the checkout");
}
