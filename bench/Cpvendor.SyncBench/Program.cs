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
        Exec(installed, "settings", "source", database.SourceKind, "--connection-string", database.ConnectionString);

        var dump = Median(3, () => Dump(database));
        // The first sync into an empty store: read, validation and the store transaction (the
        // "read" and "apply" phases it prints), then publishing every per-user file.
        var (sync, rss, output) = Timed(installed, "sync");
        var full = Phase(output, "read") + Phase(output, "apply");
        var unchanged = Median(3, () => Timed(installed, "sync", "--quiet").Elapsed);
        var changed = Median(3, () =>
        {
            using (var c = database.Open())
                PanelDatabase.Execute(c, $"UPDATE panel_accounts SET email = CONCAT('x', {Guid.NewGuid().GetHashCode() & 0xffff}, '@example.com') WHERE id <= 100");
            return Timed(installed, "sync", "--quiet").Elapsed;
        });
        Console.WriteLine($"| {dialect} | {Ms(dump)} | {Ms(full)} | {full / dump:F2}x | {Ms(sync)} | {rss / 1024} MiB | {Ms(unchanged)} | {Ms(changed)} |");
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
