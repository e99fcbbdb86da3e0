using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;
using Cpvendor.Store.ReadModel;
using Microsoft.Data.Sqlite;

namespace Cpvendor.SourceTests;

/// <summary>
/// docs/contract.md section 2 under chaos, on a synced panel (docs/sources.md): syncs from MariaDB that
/// replace all 10,000 accounts, one of them killed with SIGKILL inside its store transaction and run
/// again, while root, an administrator and an end user call the scripts through the installed
/// integration.ini lines without pause and an administrator holds open whatever it can open in the
/// read-model folder. Each sync round gives every account and domain a marker of that round, so an
/// answer that mixed two generations would carry two markers; each answer must carry exactly one,
/// be byte for byte what the cpapi answered once that round was published, and come from a round
/// that was synced whole.
/// </summary>
public sealed partial class SyncChaosTests
{
    private const int Accounts = 10_000;
    private const int MinimumCallsPerReader = 425;

    private const string HolderScript =
        """
        import fcntl, os, sqlite3, sys
        folder = sys.argv[1]
        held, transactions, names = [], [], []
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            try:
                f = open(path, 'rb')
            except OSError:
                continue
            held.append(f)
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                names.append(name + ':flock')
            except OSError:
                names.append(name)
            if name.endswith('.db'):
                c = sqlite3.connect('file:' + path + '?mode=ro', uri=True, isolation_level=None)
                c.execute('BEGIN')
                c.execute('SELECT count(*) FROM users').fetchone()
                transactions.append(c)
                names[-1] += ':transaction'
        print(' '.join(names), flush=True)
        sys.stdin.read()
        """;

    [Fact]
    public async Task Every_call_during_syncs_replacing_10000_accounts_answers_one_whole_round()
    {
        var clock = Stopwatch.StartNew();
        // Where the time goes, in the test's output: the chaos runs on CI, whose budget it must keep.
        void Phase(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {what}");
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("sychaos");
        var admin = unix.Create("sychadm", null, group);
        var user = unix.Create("sychusr");
        using var database = PanelDatabase.Create(Dialect.MariaDb);
        // The sample panel, made by the binary in a store of its own (no install: nothing to publish).
        var seed = Directory.CreateTempSubdirectory("cpvendor-sychaos-");
        try
        {
            var store = Path.Combine(seed.FullName, "panel.db");
            Run.Checked(Repo.Binary, "init", "--store", store, "--sample", Accounts.ToString(CultureInfo.InvariantCulture), "--seed", "11");
            Phase("sample");
            PanelLoader.Load(database, PanelLoader.ReadStore(store));
        }
        finally
        {
            seed.Delete(recursive: true);
        }
        // The end user is a real UNIX account: the panel's first account gets its name and uid.
        database.Execute($"UPDATE panel_accounts SET uid = (SELECT uid FROM (SELECT uid FROM panel_accounts WHERE id = 1) a) WHERE uid = {user.Uid}");
        database.Execute($"UPDATE panel_accounts SET login = '{user.Name}', uid = {user.Uid} WHERE id = 1");
        Mark(database, 0);
        Phase("loaded");

        using var install = TempInstall.Create(users: 1, adminGroup: group, prepareStore: SyncedInstall.EmptyEntities);
        install.Checked("settings", "source", "mysql", "--connection-string", database.ConnectionString);
        Sync(install, Phase);
        var ini = IniScripts.Of(install);
        Phase("first sync");

        var reseller = database.Text("SELECT owner_login FROM panel_accounts WHERE owner_login <> 'admin' GROUP BY owner_login ORDER BY count(*) DESC, owner_login LIMIT 1")!;
        var busy = database.Text("SELECT a.login FROM panel_sites d JOIN panel_accounts a ON a.id = d.account_id WHERE a.id <> 1 GROUP BY a.login ORDER BY count(*) DESC, a.login LIMIT 1")!;
        var someone = database.Text("SELECT login FROM panel_accounts WHERE id = 4242")!;
        var someUid = database.Text("SELECT uid FROM panel_accounts WHERE id = 777")!;
        Call[] calls =
        [
            new("root users", null, "users", []),
            new("root domains", null, "domains", []),
            new("root username", null, "users", ["--username", someone]),
            new("root unix-id", null, "users", ["--unix-id", someUid]),
            new("admin owner", admin, "users", ["--owner", reseller]),
            new("admin fields", admin, "users", ["--fields=username,email"]),
            new("admin domains", admin, "domains", ["--owner", busy]),
            new("admin username", admin, "users", ["--username", someone]),
            new("end user domains", user, "domains", []),
        ];
        Call[][] readers = [[calls[0], calls[2], calls[1], calls[3]], [calls[4], calls[5]], [calls[6], calls[7]], [calls[8]]];

        // What each call answered once a round was published; every answer in the chaos must be one of these.
        var published = new Dictionary<int, Dictionary<string, string>>();
        void Published(int round) => published[round] = calls.ToDictionary(c => c.Key, c => Canonical(ini, c, database, round));
        Published(0);
        Phase("canonical0");

        using var holder = Start("/usr/bin/setpriv", $"--reuid={admin.Uid}", $"--regid={admin.Gid}", "--init-groups", "--", "/usr/bin/python3", "-c", HolderScript, ReadModelFiles.Folder(install.Config));
        var holding = holder.StandardOutput.ReadLine() ?? "";
        Assert.Contains("panel.db:flock:transaction", holding);

        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var seen = new List<(string Key, int Round, string Hash)>();
        var made = 0;
        var tasks = readers.Select(rotation => Task.Run(() =>
        {
            var mine = 0;
            while (!stop.IsCancellationRequested || mine < MinimumCallsPerReader)
            {
                var call = rotation[mine % rotation.Length];
                var run = ini.Call(call.User, call.Script, call.Args);
                mine++;
                Interlocked.Increment(ref made);
                var (round, problem) = Judge(run);
                lock (seen)
                {
                    if (problem is not null)
                        failures.Add($"{call.Key}: {problem}\n{Shorten(run.ToString())}");
                    else
                        seen.Add((call.Key, round, Hash(run.Stdout)));
                }
            }
        })).ToArray();

        // Round 1: a sync replacing every account, under load.
        Mark(database, 1);
        Sync(install, Phase);
        Published(1);
        Phase("round1");

        // Round 2: a sync killed inside the transaction that replaces the accounts, then run again. A root
        // reader of the live store keeps that transaction from committing (its commit, or a spill of its
        // cache, waits for the shared lock to go), so the kill surely lands inside it.
        Mark(database, 2);
        var journal = install.Store + "-journal";
        Cpvendor.Store.SqliteBootstrap.Init();
        using (var pin = new SqliteConnection($"Data Source={install.Store};Mode=ReadOnly;Pooling=False"))
        {
            pin.Open();
            using var read = pin.BeginTransaction(deferred: true);
            using (var command = pin.CreateCommand())
            {
                command.CommandText = "SELECT count(*) FROM users";
                Assert.Equal((long)Accounts, command.ExecuteScalar());
            }

            using var killed = Start(install.Binary, "sync");
            while (!killed.HasExited && !File.Exists(journal))
                Thread.Sleep(5);
            if (killed.HasExited)
                Assert.Fail("the sync ended before its transaction began: " + killed.StandardError.ReadToEnd());
            // Its journal has stopped growing: every statement has run and the commit waits.
            for (long size = -1; size != Length(journal); Thread.Sleep(200))
                size = Length(journal);
            killed.Kill();
            killed.WaitForExit();
            Assert.Equal(137, killed.ExitCode);
        }

        Phase("killed");
        Assert.True(Length(journal) > 0, "the killed sync left no journal: it was not inside its transaction");
        // Every call still answers the last published round, the hot journal notwithstanding.
        foreach (var call in calls)
            Assert.Equal(published[1][call.Key], Hash(Envelope.Of(ini.Call(call.User, call.Script, call.Args)).Is("ok").Run.Stdout));
        Sync(install, Phase);
        Assert.False(File.Exists(journal));
        Published(2);
        Phase("round2");

        stop.Cancel();
        await Task.WhenAll(tasks);
        holder.StandardInput.Close();
        holder.WaitForExit();
        Phase($"readers done: {made} calls");

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers, first: {string.Join("\n---\n", failures.Take(3))}");
        Assert.True(made >= readers.Length * MinimumCallsPerReader, $"only {made} calls were made");
        var unknown = seen.Where(s => !published.TryGetValue(s.Round, out var answers) || answers[s.Key] != s.Hash).ToList();
        Assert.True(unknown.Count == 0, $"{unknown.Count} answers no published round gave, first: {string.Join(", ", unknown.Take(5))}");
        // Answers of several rounds were seen: the syncs really replaced the data under the callers.
        Assert.True(seen.Select(s => s.Round).Distinct().Count() >= 2, "every answer came from one round");
        foreach (var call in calls)
            Assert.Equal(published[2][call.Key], Hash(Envelope.Of(ini.Call(call.User, call.Script, call.Args)).Is("ok").Run.Stdout));
        Assert.True(ReadModelStatus.Of(install.Config).Current);
        StoreCheck.AssertConsistent(install.Store);
    }

    private static void Sync(TempInstall install, Action<string> phase)
    {
        var run = install.Sync();
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        phase(run.Stdout.Trim().Replace('\n', ';'));
    }

    /// <summary>Round <paramref name="round"/> of the panel: every account's email and every domain's document root carry it.</summary>
    private static void Mark(PanelDatabase database, int round)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction();
        foreach (var sql in new[]
        {
            $"UPDATE panel_accounts SET email = CONCAT(login, '@r{round}.example')",
            $"UPDATE panel_sites d JOIN panel_accounts a ON a.id = d.account_id SET d.docroot = CONCAT(a.home_dir, '/r{round}/', d.fqdn)",
        })
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// The answer of a call right after round <paramref name="round"/> was synced, checked against the
    /// panel database: one marker, the one of that round, on every record, and every record there.
    /// </summary>
    private static string Canonical(IniScripts ini, Call call, PanelDatabase database, int round)
    {
        var run = ini.Call(call.User, call.Script, call.Args);
        var (seen, problem) = Judge(run);
        Assert.True(problem is null, $"{call.Key} after round {round}: {problem}\n{Shorten(run.ToString())}");
        Assert.Equal(round, seen);
        var data = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("data");
        if (call.Key == "root users")
        {
            var names = data.EnumerateArray().Select(u => u.GetProperty("username").GetString()!).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(Accounts, names.Length);
            Assert.Equal(database.Text("SELECT count(DISTINCT login) FROM panel_accounts"), names.Distinct().Count().ToString(CultureInfo.InvariantCulture));
        }
        else if (call.Key == "root domains")
        {
            Assert.Equal(database.Text("SELECT count(*) FROM panel_sites"), data.EnumerateObject().Count().ToString(CultureInfo.InvariantCulture));
        }

        return Hash(run.Stdout);
    }

    /// <summary>The one round every record of an answer carries, or what is wrong with it.</summary>
    private static (int Round, string? Problem) Judge(RunResult run)
    {
        if (run.ExitCode != ExitCodes.Success)
            return (-1, $"exit {run.ExitCode}");
        if (run.Stderr.Length != 0)
            return (-1, "stderr not empty");
        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(run.Stdout);
            var root = document.RootElement;
            var names = root.EnumerateObject().Select(p => p.Name).ToArray();
            if (names is not ["data", "metadata"] || root.GetProperty("metadata").GetProperty("result").GetString() != "ok")
                return (-1, "not an ok envelope");
            data = root.GetProperty("data").Clone();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return (-1, "not one JSON envelope: " + e.Message);
        }

        var markers = new HashSet<int>();
        if (data.ValueKind == JsonValueKind.Array)
        {
            foreach (var record in data.EnumerateArray())
                markers.Add(Marker(EmailMarker(), record.GetProperty("email").GetString()));
        }
        else
        {
            foreach (var domain in data.EnumerateObject())
            {
                var root = domain.Value.GetProperty("document_root").GetString();
                var round = Marker(RootMarker(), root);
                markers.Add(root is not null && root.EndsWith($"/r{round}/{domain.Name}", StringComparison.Ordinal) ? round : -1);
            }
        }

        return markers.Count == 1 && !markers.Contains(-1) ? (markers.Single(), null) : (-1, $"records of rounds {string.Join(',', markers.Order())}");
    }

    private static int Marker(Regex pattern, string? value) =>
        value is not null && pattern.Match(value) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : -1;

    [GeneratedRegex(@"@r([0-9]+)\.example$")]
    private static partial Regex EmailMarker();

    [GeneratedRegex("/r([0-9]+)/[^/]+$")]
    private static partial Regex RootMarker();

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Shorten(string text) => text.Length > 600 ? text[..600] + "..." : text;

    private static long Length(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }

    private static Process Start(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private sealed record Call(string Key, RunAs? User, string Script, string[] Args);
}
