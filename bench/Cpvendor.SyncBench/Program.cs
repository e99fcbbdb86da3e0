using System.Diagnostics;
using System.Globalization;
using Cpvendor.SourceTests.Panel;

// cpvendor sync of a 10,000-account panel from MariaDB and PostgreSQL, against a plain client dump
// of the same views measured in the same run; then cpapi call times on the synced install against
// the embedded store. Needs ./build.sh and tests/setup/{mariadb,postgres}.sh. Prints ratios.
var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var repo = FindRepo();
var binary = Path.Combine(repo, "out", "cpvendor");
var work = Directory.CreateTempSubdirectory("cpvendor-syncbench-").FullName;
try
{
    var embeddedStore = Path.Combine(work, "embedded.db");
    Exec(binary, "init", "--store", embeddedStore, "--sample", accounts.ToString(CultureInfo.InvariantCulture), "--seed", "1");
    var embeddedRoot = Path.Combine(work, "embedded-root");
    Exec(binary, "install", "--root", embeddedRoot, "--store", embeddedStore);
    var panel = PanelLoader.ReadStore(embeddedStore);
    Console.WriteLine($"panel: {panel.Users.Count} accounts, {panel.Domains.Count} domains, {panel.DbUsers.Count} db users");
    Console.WriteLine();
    Console.WriteLine("| database | plain dump of the views | sync: read + validate + store transaction | ratio | first sync incl. publishing every file | peak RSS | sync, no change | sync, 100 accounts changed |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    string? syncedRoot = null;
    foreach (var dialect in new[] { Dialect.MariaDb, Dialect.Postgres })
    {
        using var database = PanelDatabase.Create(dialect);
        PanelLoader.Load(database, panel);
        var store = Path.Combine(work, $"{dialect}.db");
        Exec(binary, "init", "--store", store);
        var root = Path.Combine(work, $"{dialect}-root");
        Exec(binary, "install", "--root", root, "--store", store);
        var installed = Path.Combine(root, "opt/cpvendor/bin/cpvendor");
        AllowSampleUids(root);
        Exec(installed, "settings", "source", database.SourceKind, "--connection-string", database.ConnectionString);

        var dump = Median(3, () => Dump(database));
        // The first sync into an empty store: read, validation and the store transaction (the
        // "read" and "apply" phases it prints), then publishing every per-user file.
        var (sync, rss, firstCpu, output) = PeakMemory.RunWithCpu(installed, "sync");
        var full = Phase(output, "read") + Phase(output, "apply");
        var phases = new List<string> { $"{dialect}, first sync: {Ms(sync)} wall, {Ms(firstCpu)} CPU; {PhaseLine(output)}" };
        var unchanged = Median(3, () => Phased(phases, $"{dialect}, no change", installed));
        var changed = Median(3, () =>
        {
            using (var c = database.Open())
                PanelDatabase.Execute(c, $"UPDATE panel_accounts SET email = CONCAT('x', {Guid.NewGuid().GetHashCode() & 0xffff}, '@example.com') WHERE id <= 100");
            return Phased(phases, $"{dialect}, 100 changed", installed);
        });
        Console.WriteLine($"| {dialect} | {Ms(dump)} | {Ms(full)} | {full / dump:F2}x | {Ms(sync)} | {rss / 1024} MiB | {Ms(unchanged)} | {Ms(changed)} |");
        // Where each sync spent its time, as the sync itself reports it.
        foreach (var line in phases)
            Console.WriteLine($"  {line}");
        syncedRoot ??= root;
    }

    // The panel settings differ (empty store vs sample), so compare calls whose answers both serve.
    Console.WriteLine();
    Console.WriteLine("| cpapi call (root, 20 runs, median) | embedded | synced from MariaDB | ratio |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var call in new[] { new[] { "users" }, ["domains", "--with-php"], ["users", "--username", panel.Users[accounts / 2].Row.Username], ["resellers"] })
    {
        var a = Median(20, () => Timed(Path.Combine(embeddedRoot, "opt/cpvendor/bin/cpvendor"), ["cpapi", .. call]).Elapsed);
        var b = Median(20, () => Timed(Path.Combine(syncedRoot!, "opt/cpvendor/bin/cpvendor"), ["cpapi", .. call]).Elapsed);
        Console.WriteLine($"| {string.Join(' ', call)} | {Ms(a)} | {Ms(b)} | {b / a:F2}x |");
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

// A sample of more than 40,000 accounts gives uids past the default UID_MAX of 60000, which a sync
// rightly rejects (an account needs a regular uid); a host that large raises UID_MAX in its
// login.defs, as the install's root does here, below the sample's first reseller id.
void AllowSampleUids(string root)
{
    if (Cpvendor.Store.Sample.SampleGenerator.FirstUid + accounts <= Cpvendor.Core.LoginDefs.DefaultUidMax)
        return;
    var etc = Path.Combine(root, "etc");
    Directory.CreateDirectory(etc);
    File.WriteAllText(Path.Combine(etc, "login.defs"), $"UID_MIN 1000\nUID_MAX {Cpvendor.Store.Sample.SampleGenerator.FirstResellerId}\n");
    Console.WriteLine($"{root}/etc/login.defs: UID_MAX {Cpvendor.Store.Sample.SampleGenerator.FirstResellerId} (the sample's uids reach {Cpvendor.Store.Sample.SampleGenerator.FirstUid + accounts})");
}

TimeSpan Dump(PanelDatabase database)
{
    var views = new[] { "cpvendor_admins", "cpvendor_resellers", "cpvendor_packages", "cpvendor_users", "cpvendor_domains", "cpvendor_db_users", "cpvendor_php" };
    if (database.Dialect == Dialect.MariaDb)
    {
        var sql = string.Join(' ', views.Select(v => $"SELECT * FROM {v};"));
        return Timed("mariadb", "--protocol=tcp", "-h", "127.0.0.1", "-P", "33306", "-u", "cpvendor_test", "-pcpvendor_test", "--batch", "--quick", database.Name, "-e", sql).Elapsed;
    }

    var copy = views.SelectMany(v => new[] { "-c", $"COPY (SELECT * FROM {v}) TO STDOUT" }).ToArray();
    return Timed("psql", ["-h", "127.0.0.1", "-p", "55432", "-U", "postgres", "-d", database.Name, "-q", .. copy]).Elapsed;
}

static (TimeSpan Elapsed, long PeakKiB, string Stdout) Timed(string file, params string[] arguments) => PeakMemory.Run(file, arguments);

static TimeSpan Phased(List<string> phases, string label, string installed)
{
    var (elapsed, _, cpu, output) = PeakMemory.RunWithCpu(installed, "sync");
    phases.Add($"{label}: {Ms(elapsed)} wall, {Ms(cpu)} CPU; {PhaseLine(output)}");
    return elapsed;
}

static string PhaseLine(string output) =>
    output.Split('\n').FirstOrDefault(l => l.StartsWith("read ", StringComparison.Ordinal))?.Trim() ?? "(no phase line)";

static TimeSpan Phase(string output, string name)
{
    var text = output[(output.IndexOf(name + " ", StringComparison.Ordinal) + name.Length + 1)..];
    return TimeSpan.FromMilliseconds(double.Parse(text[..text.IndexOf(" ms", StringComparison.Ordinal)], CultureInfo.InvariantCulture));
}

static void Exec(string file, params string[] arguments) => Timed(file, arguments);

static TimeSpan Median(int runs, Func<TimeSpan> measure)
{
    var times = Enumerable.Range(0, runs).Select(_ => measure()).Order().ToList();
    return times[runs / 2];
}

static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F0} ms";

static string FindRepo()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from the checkout");
}
