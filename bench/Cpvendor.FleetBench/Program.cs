using System.Diagnostics;
using System.Globalization;
using Cpvendor.Core;
using Cpvendor.FleetBench;
using Cpvendor.SourceTests.Panel;
using MySqlConnector;
using Npgsql;

// A fleet of hosts (local roots, the published binary) syncing one panel from a private MariaDB and
// a private PostgreSQL server. Per dialect: the first sync of every host (each must serve exactly its
// slice), then fleet rounds (one sync per host, what a minute of timers does): unchanged, with one
// change, and the same unchanged round without the change marker as the baseline. Reports rows the
// database examined per host, database CPU per round, and the time from a change to its hook.
// Needs ./build.sh, root, mariadb-server and postgresql-15 (tests/setup). Usage: [hosts] [accounts]
var hosts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var accounts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var repo = FindRepo();
var binary = Path.Combine(repo, "out", "cpvendor");
var work = Directory.CreateTempSubdirectory("cpvendor-fleetbench-").FullName;
File.SetUnixFileMode(work, (UnixFileMode)0b111_101_101);
try
{
    var watch = Stopwatch.StartNew();
    var sampleStore = Path.Combine(work, "sample.db");
    Exec(binary, "init", "--store", sampleStore, "--sample", accounts.ToString(CultureInfo.InvariantCulture), "--seed", "1");
    var panel = PanelLoader.ReadStore(sampleStore);
    var names = FleetPanel.Hosts(hosts);
    var expected = names.ToDictionary(h => h, h => panel.Users.Where((_, i) => FleetPanel.Host(i, hosts) == h).Select(u => u.Row.Username).ToHashSet(StringComparer.Ordinal));
    Console.WriteLine($"panel: {panel.Users.Count} accounts, {panel.Domains.Count} domains, {panel.DbUsers.Count} db users; {hosts} hosts; generated in {watch.Elapsed.TotalSeconds:F0} s");
    Console.WriteLine($"machine: {Environment.ProcessorCount} CPUs, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start");
    Console.WriteLine();
    Console.WriteLine("| database | round | rows examined per host (median, min-max) | round wall time | DB CPU per round | DB CPU ÷ baseline | change → hook |");
    Console.WriteLine("|---|---|---|---|---|---|---|");
    foreach (var dialect in new[] { Dialect.MariaDb, Dialect.Postgres })
    {
        using var server = PrivateServer.Start(dialect, work);
        using var database = PanelDatabase.Create(dialect, withSchema: true, server.Admin);
        PanelLoader.Load(database, panel, i => FleetPanel.Host(i, hosts), names);
        FleetPanel.Prepare(database, names);
        var counter = new Counter(database);

        var installs = new List<(string Host, string Binary, string HookLog)>();
        foreach (var host in names)
        {
            var store = Path.Combine(work, $"{dialect}-{host}.db");
            var root = Path.Combine(work, $"{dialect}-{host}");
            Exec(binary, "init", "--store", store);
            Exec(binary, "install", "--root", root, "--store", store);
            var installed = InstallLayout.BinaryUnder(root);
            Exec(installed, "settings", "source", database.SourceKind, "--connection-string", database.ConnectionString, "--server", host);
            var hooks = InstallConfig.Parse(File.ReadAllText(InstallLayout.ConfigFileUnder(root)), "bench").HooksDir;
            Directory.CreateDirectory(hooks);
            var log = Path.Combine(work, $"{dialect}-{host}.hooks");
            var script = Path.Combine(hooks, "post_modify_domain.py");
            File.WriteAllText(script, $"#!/bin/sh\ndate +%s.%N >> {log}\n");
            File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
            installs.Add((host, installed, log));
        }

        // The first sync of every host: each reads its slice; the answers must be exactly that slice.
        var first = Round(installs, counter, server, _ => { });
        foreach (var (host, installed, _) in installs)
        {
            var served = Usernames(installed);
            if (!served.SetEquals(expected[host]))
                throw new InvalidOperationException($"{dialect} {host} serves {served.Count} accounts, not exactly its {expected[host].Count}");
        }

        Report(dialect, "first sync (whole slice)", first, null, null);
        var unchanged = Round(installs, counter, server, _ => { });
        var hookTimes = new List<double>();
        var changed = Round(installs, counter, server, host =>
        {
            if (host != installs[0].Host)
                return;
            // One domain of one account of this host renamed, as the panel would, with its marker bumped.
            var site = database.Text($"SELECT MIN(d.id) FROM panel_sites d JOIN panel_accounts a ON a.id = d.account_id JOIN panel_servers s ON s.id = a.server_id WHERE s.hostname = '{host}'")!;
            database.Execute($"UPDATE panel_sites SET fqdn = CONCAT('renamed-', fqdn) WHERE id = {site}");
            FleetPanel.Bump(database, host);
            hookTimes.Add(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0);
        });
        var hookAt = File.ReadAllLines(installs[0].HookLog).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).Last();
        database.Execute("DROP VIEW cpvendor_change_marker");
        var baseline = Round(installs, counter, server, _ => { });
        Report(dialect, "unchanged, with marker", unchanged, baseline, null);
        Report(dialect, "one host changed, with marker", changed, baseline, hookAt - hookTimes[0]);
        Report(dialect, "unchanged, no marker (baseline)", baseline, baseline, null);
    }

    Console.WriteLine();
    Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end; total {watch.Elapsed.TotalMinutes:F1} min");
}
finally
{
    Directory.Delete(work, recursive: true);
}

// One sync per host, one after the other, as a minute of timers does across the fleet.
static RoundResult Round(List<(string Host, string Binary, string HookLog)> installs, Counter counter, PrivateServer server, Action<string> before)
{
    var rows = new List<long>();
    var cpu = server.CpuSeconds();
    var watch = Stopwatch.StartNew();
    foreach (var (host, installed, _) in installs)
    {
        before(host);
        var start = counter.Read();
        Exec(installed, "sync", "--quiet");
        rows.Add(counter.Read() - start - counter.Overhead);
    }

    return new RoundResult(rows, watch.Elapsed, server.CpuSeconds() - cpu);
}

static void Report(Dialect dialect, string round, RoundResult result, RoundResult? baseline, double? hook)
{
    var sorted = result.Rows.Order().ToList();
    var ratio = baseline is null ? "" : $"{result.Cpu / Math.Max(baseline.Cpu, 0.01):F3}";
    Console.WriteLine($"| {dialect} | {round} | {sorted[sorted.Count / 2]} ({sorted[0]}-{sorted[^1]}) | {result.Wall.TotalSeconds:F1} s | {result.Cpu:F2} s | {ratio} | {(hook is { } h ? $"{h:F2} s + timer wait" : "")} |");
}

static HashSet<string> Usernames(string installed)
{
    var info = new ProcessStartInfo(installed) { UseShellExecute = false, RedirectStandardOutput = true };
    info.ArgumentList.Add("cpapi");
    info.ArgumentList.Add("users");
    info.ArgumentList.Add("--fields=username");
    using var process = Process.Start(info)!;
    var json = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    using var document = System.Text.Json.JsonDocument.Parse(json);
    return document.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("username").GetString()!).ToHashSet(StringComparer.Ordinal);
}

static void Exec(string file, params string[] arguments)
{
    var run = Cpvendor.Core.Processes.ChildProcess.Run([file, .. arguments], new Cpvendor.Core.Processes.ChildOptions { Timeout = TimeSpan.FromHours(1), CleanEnvironment = false, WorkingDirectory = Environment.CurrentDirectory });
    if (!run.Succeeded)
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {run.StartError}{run.Stderr}{run.Stdout}");
}

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from the checkout");
}

internal sealed record RoundResult(List<long> Rows, TimeSpan Wall, double Cpu);

/// <summary>
/// Rows the database examined, from its own counters: MariaDB's global Rows_read, PostgreSQL's
/// tup_returned + tup_fetched of the database (flushed when a sync's backend exits). The counter's
/// own reading is measured once and subtracted.
/// </summary>
internal sealed class Counter
{
    private readonly PanelDatabase database;

    public Counter(PanelDatabase database)
    {
        this.database = database;
        var a = Read();
        Overhead = Read() - a;
    }

    public long Overhead { get; }

    public long Read()
    {
        if (database.Dialect == Dialect.MariaDb)
        {
            using var connection = new MySqlConnection(database.ConnectionString);
            connection.Open();
            using var command = new MySqlCommand("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'ROWS_READ'", connection);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        Thread.Sleep(50);
        using var pg = new NpgsqlConnection(database.ConnectionString);
        pg.Open();
        using var stats = new NpgsqlCommand($"SELECT pg_stat_clear_snapshot(); SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = '{database.Name}'", pg);
        using var reader = stats.ExecuteReader();
        reader.NextResult();
        reader.Read();
        return reader.GetInt64(0);
    }
}
