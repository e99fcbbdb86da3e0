using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cpvendor.Bench;

/// <summary>
/// Everything the timed runs need, made before the clock starts and removed after: a sample store,
/// an install into a temporary root (and one of an earlier build, when given), a real UNIX user
/// owning one sample account, our answers saved for <c>cat</c>, the Python baseline, and the NativeAOT
/// empty-Main reference program.
/// </summary>
internal sealed class BenchHost : IDisposable
{
    private readonly List<string> createdUsers = [];
    private string? sudoers;

    private BenchHost(string repo, string dir)
    {
        Repo = repo;
        Dir = dir;
    }

    public string Repo { get; }

    public string Dir { get; }

    /// <summary>The build being measured: the checkout's <c>out/</c>.</summary>
    public Installation Ours { get; private set; } = null!;

    /// <summary>An earlier build timed beside it (<c>--baseline DIR</c>), or null.</summary>
    public Installation? Baseline { get; private set; }

    public string Answers => Path.Combine(Dir, "answers");

    public string Peer => Path.Combine(Dir, "peer");

    public Identity? EndUser { get; private set; }

    public uint SampleUid { get; private set; }

    public string SampleUsername { get; private set; } = "";

    /// <summary>A domain of the sample account.</summary>
    public string SampleDomain { get; private set; } = "";

    public string EmptyMain { get; private set; } = "";

    /// <summary>Leave the temporary folder in place (to rerun a call by hand); the UNIX user is removed anyway.</summary>
    public bool Keep { get; set; }

    public static BenchHost Create(string repo, int accounts, string? baseline)
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-bench-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        var host = new BenchHost(repo, dir);
        try
        {
            host.Ours = Installation.Create(Path.Combine(repo, "out"), Path.Combine(dir, "ours"), accounts);
            if (baseline is not null)
                host.Baseline = Installation.Create(baseline, Path.Combine(dir, "baseline"), accounts);
            host.ChooseEndUser();
            host.EmptyMain = PublishEmptyMain(repo);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Where <c>cat</c> finds our answer to a call (readable by the end user too).</summary>
    public string AnswerFile(Call call) => Path.Combine(Answers, call.Slug + ".json");

    public void SaveAnswer(Call call, byte[] answer)
    {
        Directory.CreateDirectory(Answers);
        File.WriteAllBytes(AnswerFile(call), answer);
        File.SetUnixFileMode(AnswerFile(call), (UnixFileMode)0b110_100_100);
    }

    /// <summary>
    /// Puts the installs' sudo rules into the real /etc/sudoers.d (each under an alias of its own), with a
    /// rule letting anyone run <c>/bin/cat</c> of the answers of <paramref name="calls"/> as root under the
    /// same defaults: <c>sudo -n cat</c> is the baseline of a call through sudo. Checked by visudo first;
    /// removed on dispose.
    /// </summary>
    public void AllowSudo(IEnumerable<Call> calls)
    {
        var rules = new StringBuilder();
        rules.Append(File.ReadAllText(Ours.SudoersDropIn).Replace("CPVENDOR_CPAPI", "CPVENDOR_BENCH_OURS", StringComparison.Ordinal));
        if (Baseline is { } baseline)
            rules.Append(File.ReadAllText(baseline.SudoersDropIn).Replace("CPVENDOR_CPAPI", "CPVENDOR_BENCH_BASELINE", StringComparison.Ordinal));
        rules.Append("Cmnd_Alias CPVENDOR_BENCH_CAT = ").AppendJoin(", ", calls.Select(c => "/bin/cat " + AnswerFile(c))).Append('\n');
        rules.Append("Defaults!CPVENDOR_BENCH_CAT env_reset, !setenv, !syslog\n");
        rules.Append("ALL ALL=(root) NOPASSWD:NOSETENV: CPVENDOR_BENCH_CAT\n");
        var staged = Path.Combine(Dir, "sudoers");
        File.WriteAllText(staged, rules.ToString());
        File.SetUnixFileMode(staged, (UnixFileMode)0b100_100_000);
        Checked("/usr/sbin/visudo", "-cf", staged);
        sudoers = $"/etc/sudoers.d/cpvendor-bench-{Guid.NewGuid():N}"[..40];
        File.Copy(staged, sudoers);
        File.SetUnixFileMode(sudoers, (UnixFileMode)0b100_100_000);
    }

    public void Dispose()
    {
        if (sudoers is not null)
            File.Delete(sudoers);
        foreach (var user in createdUsers)
            Run("/usr/sbin/userdel", user);
        if (Keep)
            return;
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>
    /// Picks the sample account in the middle of the list whose uid no local account uses yet, and
    /// creates a UNIX user with that uid: the end user of the <c>domains</c> call.
    /// </summary>
    private void ChooseEndUser()
    {
        using var list = new Command("list", Ours.Installed, ["cpapi", "users", "--fields=id,username"]);
        using var json = JsonDocument.Parse(PeerBaseline.Data(ProcessTimer.Output(list)).ToArray());
        var users = json.RootElement.EnumerateArray().ToList();
        for (var i = users.Count / 2; i < users.Count; i++)
        {
            var uid = users[i].GetProperty("id").GetUInt32();
            if (Run("/usr/bin/getent", "passwd", uid.ToString(CultureInfo.InvariantCulture)).ExitCode == 0)
                continue;
            var name = $"cpvb{Random.Shared.Next(100000, 999999)}";
            Checked("/usr/sbin/useradd", "-M", "-U", "-o", "-u", uid.ToString(CultureInfo.InvariantCulture),
                "-s", "/usr/sbin/nologin", "-d", "/nonexistent", name);
            createdUsers.Add(name);
            var gid = uint.Parse(Checked("/usr/bin/id", "-g", name).Trim(), CultureInfo.InvariantCulture);
            EndUser = new Identity(name, uid, gid);
            SampleUid = uid;
            SampleUsername = users[i].GetProperty("username").GetString()!;
            using var domains = new Command("domains", Ours.Installed, ["cpapi", "domains", $"--owner={SampleUsername}"]);
            using var owned = JsonDocument.Parse(PeerBaseline.Data(ProcessTimer.Output(domains)).ToArray());
            SampleDomain = owned.RootElement.EnumerateObject().First().Name;
            return;
        }

        throw new InvalidOperationException("no sample uid is free on this machine");
    }

    /// <summary>Publishes the empty-Main program (incremental after the first time) and returns its path.</summary>
    private static string PublishEmptyMain(string repo)
    {
        var output = Path.Combine(repo, "artifacts/bench/empty-main");
        Checked("dotnet", "publish", Path.Combine(repo, "bench/Cpvendor.Bench.EmptyMain/Cpvendor.Bench.EmptyMain.csproj"),
            "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v:quiet");
        return Path.Combine(output, "cpvendor-empty-main");
    }

    public static string Checked(string file, params string[] args)
    {
        var (code, output) = Run(file, args);
        if (code != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {code}: {output}");
        return output;
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
