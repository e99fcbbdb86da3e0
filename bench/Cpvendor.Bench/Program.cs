using System.Globalization;
using Cpvendor.Bench;
using Cpvendor.Bench.Native;

// The cpapi benchmark of docs/performance.md. Usage (as root, after ./build.sh):
//   dotnet run -c Release --project bench/Cpvendor.Bench [-- --quick] [--accounts N] [--keep] [--baseline DIR]
// --baseline DIR: the binaries of an earlier build (its out/), installed beside ours and timed in the
// same rounds, with the binary sizes of both builds.
var options = BenchOptions.Parse(args);
if (Posix.GetEuid() != 0)
{
    Console.Error.WriteLine("the benchmark runs as root: it installs into a temporary root and creates a UNIX user");
    return 2;
}

var repo = BenchOptions.FindRepo();
Console.WriteLine($"setting up a sample panel of {options.Accounts} accounts...");
using var host = BenchHost.Create(repo, options.Accounts, options.Baseline);
host.Keep = options.Keep;
var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
var calls = Call.All(host.SampleUid, host.SampleUsername, host.SampleDomain, FilterSample.Of(host.Ours, host.SampleUsername));
var plans = new List<Plan>();
var commands = new List<Command>();
try
{
    // The sudo rules of both installs, and one letting the end user run cat of the same bytes through sudo.
    host.AllowSudo(calls.Where(c => c.ThroughSudo));

    // Our answers first: they become the files cat prints and the snapshot Python serves.
    var answers = new Dictionary<Call, byte[]>();
    foreach (var call in calls)
    {
        var ours = Track(Script(host.Ours, call, ""));
        var baseline = host.Baseline is { } before ? Track(Script(before, call, " (baseline)")) : null;
        answers[call] = ProcessTimer.Output(ours);
        PeerBaseline.Data(answers[call]);
        host.SaveAnswer(call, answers[call]);
        var cat = Track(call.ThroughSudo
            ? new Command("sudo -n cat", "/usr/bin/sudo", ["-n", "--", "/bin/cat", host.AnswerFile(call)], ours.RunAs)
            : new Command("cat", "/bin/cat", [host.AnswerFile(call)], ours.RunAs));
        var py = Track(new Command("python", python, [Path.Combine(host.Peer, PeerBaseline.ScriptName), .. call.Args], ours.RunAs));
        plans.Add(new Plan(call, ours, cat, py, baseline));
    }

    PeerBaseline.Write(host.Peer, new Dictionary<string, byte[]>
    {
        ["panel_info"] = answers[calls.Single(c => c.Args is ["panel_info"] && !c.Privileged)],
        ["users"] = answers[calls.Single(c => c.Args is ["users"] && !c.Privileged)],
        ["domains"] = answers[calls.Single(c => c.Args is ["domains"] && !c.AsEndUser && !c.Privileged)],
        ["domains_php"] = answers[calls.Single(c => c.Args is ["domains", "--with-php"] && !c.Privileged)],
        ["db_info"] = answers[calls.Single(c => c.Args is ["db_info"] && !c.Privileged)],
        ["packages"] = Whole(host.Ours, "packages"),
        ["resellers"] = Whole(host.Ours, "resellers"),
        ["admins"] = Whole(host.Ours, "admins"),
    });
    foreach (var plan in plans)
    {
        AssertSame(plan.Call, answers[plan.Call], ProcessTimer.Output(plan.Cat));
        AssertSame(plan.Call, answers[plan.Call], ProcessTimer.Output(plan.Python));
        if (plan.Baseline is { } baseline)
            AssertSame(plan.Call, answers[plan.Call], ProcessTimer.Output(baseline));
    }

    // Every call's answer is made and checked (the Python peer serves them all); --only narrows what is timed.
    plans = plans.Where(p => options.Only is null || p.Call.Label.Contains(options.Only, StringComparison.Ordinal)).ToList();
    var emptyMain = Track(new Command("NativeAOT empty Main", host.EmptyMain, []));
    Console.WriteLine($"outputs verified byte for byte; timing ({(options.Quick ? "quick" : "full")} run)...");
    var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

    // Every program of every call is spread evenly over the same rounds, so that whatever else the
    // machine does during the run weighs on ours and on the baselines alike.
    var runs = options.Runs;
    var emptySeries = new Series(emptyMain.Label);
    var rounds = runs.SmallFast;
    for (var round = -runs.WarmUp; round < rounds; round++)
    {
        var record = round >= 0;
        if (Due(round, runs.SmallFast, rounds))
            Measure(emptyMain, emptySeries, record);
        foreach (var plan in plans)
        {
            var fast = plan.Call.Size == CallSize.Small ? runs.SmallFast : runs.DumpFast;
            var slow = plan.Call.Size == CallSize.Small ? runs.SmallPython : runs.DumpPython;
            if (Due(round, fast, rounds))
            {
                Measure(plan.Ours, plan.OursSeries, record);
                if (plan.Baseline is { } baseline)
                    Measure(baseline, plan.BaselineSeries, record);
                Measure(plan.Cat, plan.CatSeries, record);
            }

            if (Due(round, slow, rounds))
                Measure(plan.Python, plan.PythonSeries, record);
        }
    }

    var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
    var probe = new RssProbe(Path.Combine(host.Dir, "rss"));
    var probeRuns = options.Quick ? 1 : 3;
    foreach (var plan in plans)
    {
        plan.OursSeries.PeakRssMb = probe.PeakKilobytes(plan.Ours, probeRuns) / 1024.0 ?? double.NaN;
        plan.CatSeries.PeakRssMb = probe.PeakKilobytes(plan.Cat, probeRuns) / 1024.0 ?? double.NaN;
        plan.PythonSeries.PeakRssMb = probe.PeakKilobytes(plan.Python, 1) / 1024.0 ?? double.NaN;
        if (plan.Baseline is { } baseline)
            plan.BaselineSeries.PeakRssMb = probe.PeakKilobytes(baseline, probeRuns) / 1024.0 ?? double.NaN;
    }

    emptySeries.PeakRssMb = probe.PeakKilobytes(emptyMain, probeRuns) / 1024.0 ?? double.NaN;
    var results = plans.Select(p => new CallResult(p.Call, answers[p.Call].Length, p.OursSeries, p.CatSeries, p.PythonSeries,
        p.Baseline is null ? null : p.BaselineSeries)).ToList();
    var header =
        $"{options.Accounts} accounts, {Environment.ProcessorCount} CPUs, load average before `{loadBefore}`, after `{loadAfter}`; " +
        $"python: {python}; wall-clock medians of whole processes, stdout drained through a pipe.\n\n";
    Console.WriteLine();
    Console.Write(Report.Render(results, emptySeries, header));
    if (host.Baseline is { } earlier)
        Console.Write(BaselineReport.Render(results, host.Ours, earlier));
    if (options.Keep)
        Console.WriteLine($"\nkept {host.Dir}");
    return 0;
}
finally
{
    foreach (var command in commands)
        command.Dispose();
}

// An unfiltered answer of the full binary, for the Python snapshot.
static byte[] Whole(Installation install, string script)
{
    using var command = new Command(script, install.Installed, ["cpapi", script]);
    return ProcessTimer.Output(command);
}

Command Track(Command command)
{
    commands.Add(command);
    return command;
}

// What integration.ini runs: the small binary in the default install; in privileged mode what the
// wrapper execs, as root directly and for anyone else through sudo (the wrapper's own shell not timed).
Command Script(Installation install, Call call, string suffix)
{
    var privileged = Path.GetFileName(install.Privileged) + "-pie cpapi";
    if (call.ThroughSudo)
        return new Command("sudo -n " + privileged + suffix, "/usr/bin/sudo", ["-n", "--", install.Privileged, "cpapi", .. call.Args], host.EndUser);
    return call.Privileged
        ? new Command(privileged + suffix, install.Privileged, ["cpapi", .. call.Args], null)
        : new Command("cpvendor-cpapi" + suffix, install.Small, call.Args, call.AsEndUser ? host.EndUser : null);
}

// Spreads `count` runs evenly over `rounds` rounds; warm-up rounds (negative) run everything.
static bool Due(int round, int count, int rounds) =>
    round < 0 || (long)(round + 1) * count / rounds > (long)round * count / rounds;

static void Measure(Command command, Series series, bool record)
{
    var sample = ProcessTimer.Run(command);
    if (record)
        series.Add(sample);
}

static void AssertSame(Call call, byte[] expected, byte[] actual)
{
    if (expected.AsSpan().SequenceEqual(actual))
        return;
    var at = expected.AsSpan().CommonPrefixLength(actual);
    throw new InvalidOperationException(
        $"{call.Label}: the baseline printed different bytes from offset {at.ToString(CultureInfo.InvariantCulture)} " +
        $"({expected.Length} vs {actual.Length} bytes)");
}

/// <summary>The programs timed for one call (ours, cat, Python and an earlier build of ours) and their samples.</summary>
internal sealed record Plan(Call Call, Command Ours, Command Cat, Command Python, Command? Baseline)
{
    public Series OursSeries { get; } = new(Ours.Label);

    public Series BaselineSeries { get; } = new(Baseline?.Label ?? "baseline");

    public Series CatSeries { get; } = new("cat");

    public Series PythonSeries { get; } = new("python");
}
