using System.Diagnostics;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.HostTests;

/// <summary>
/// A throw-away Debian host: a root made once by tests/setup/debian-roots.sh, seen through an overlay
/// (the cached root below, this test's changes in a temporary folder above) mounted with
/// <c>/proc</c> in a private mount namespace. A small holder process keeps the namespace alive until
/// disposed; commands enter it with <c>nsenter</c> and run chrooted into the root. Nothing is mounted
/// on the host: when the holder ends (disposed, or the test process dies and its stdin closes), the
/// kernel takes the mounts away with the namespace, and the cached root is never written.
/// </summary>
public sealed class DebianRoot : IDisposable
{
    private const string Cache = "/var/cache/cpvendor-test";
    private readonly Process holder;
    private readonly string dir;
    private readonly string merged;

    private DebianRoot(string suite, string dir, string merged, Process holder)
    {
        Suite = suite;
        this.dir = dir;
        this.merged = merged;
        this.holder = holder;
    }

    public string Suite { get; }

    /// <summary>Opens a new view of the cached root of <paramref name="suite"/> (<c>bullseye</c>, <c>bookworm</c>).</summary>
    public static DebianRoot Open(string suite)
    {
        var lower = Path.Combine(Cache, suite);
        Assert.True(File.Exists(Path.Combine(lower, ".cpvendor-root")), $"{lower} is missing: run tests/setup/debian-roots.sh");
        var dir = Directory.CreateTempSubdirectory($"cpvendor-{suite}-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_000_000);
        string upper = Path.Combine(dir, "upper"), work = Path.Combine(dir, "work"), merged = Path.Combine(dir, "root");
        foreach (var folder in new[] { upper, work, merged })
            Directory.CreateDirectory(folder);

        var info = new ProcessStartInfo("/usr/bin/unshare")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Mounts in the new namespace stay there (private propagation); the holder then waits on stdin.
        var script = $"mount -t overlay overlay -o 'lowerdir={lower},upperdir={upper},workdir={work}' '{merged}' && mount -t proc proc '{merged}/proc' && echo ready && exec cat >/dev/null";
        foreach (var arg in new[] { "--mount", "--propagation", "private", "--", "/bin/sh", "-c", script })
            info.ArgumentList.Add(arg);
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        var holder = Process.Start(info)!;
        if (holder.StandardOutput.ReadLine() != "ready")
        {
            var error = holder.StandardError.ReadToEnd();
            holder.WaitForExit();
            holder.Dispose();
            Directory.Delete(dir, recursive: true);
            Assert.Fail($"cannot mount the {suite} root: {error}");
        }

        return new DebianRoot(suite, dir, merged, holder);
    }

    /// <summary>A path of the root as this process can reach it: through the holder's view of its mount namespace.</summary>
    public string HostPath(string pathInRoot) => $"/proc/{holder.Id}/root{merged}/{pathInRoot.TrimStart('/')}";

    /// <summary>Runs <paramref name="program"/> (a path inside the root) chrooted into the root, as root or as a user of the root.</summary>
    public RunResult Run(RunAs? user, string program, params string[] args)
    {
        List<string> argv = ["--target", holder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--mount", "--", "/usr/sbin/chroot", merged];
        if (user is not null)
            argv.AddRange(["/usr/bin/setpriv", $"--reuid={user.Uid}", $"--regid={user.Gid}", "--init-groups", "--"]);
        argv.Add(program);
        argv.AddRange(args);
        return IntegrationTests.Harness.Run.Program("/usr/bin/nsenter", argv);
    }

    public RunResult Run(string program, params string[] args) => Run(null, program, args);

    /// <summary>Runs a command as root in the root that must succeed; returns its output.</summary>
    public string Checked(string program, params string[] args)
    {
        var run = Run(program, args);
        Assert.True(run.ExitCode == 0, $"{program} {string.Join(' ', args)} in the {Suite} root failed: {run}");
        return run.Stdout;
    }

    /// <summary>Copies a file of this machine into the root (parents created), with its mode.</summary>
    public void CopyIn(string source, string pathInRoot, UnixFileMode mode)
    {
        var target = HostPath(pathInRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        File.SetUnixFileMode(target, mode);
    }

    /// <summary>Writes a file into the root (parents created).</summary>
    public void Write(string pathInRoot, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var target = HostPath(pathInRoot);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
        File.SetUnixFileMode(target, mode);
    }

    public string Read(string pathInRoot) => File.ReadAllText(HostPath(pathInRoot));

    public bool Exists(string pathInRoot) => Path.Exists(HostPath(pathInRoot));

    /// <summary>Creates a user in the root with its own useradd: no home, its own group, optionally a given uid and groups.</summary>
    public RunAs CreateUser(string name, uint? uid = null, string? groups = null)
    {
        List<string> args = ["-M", "-U", "-s", "/usr/sbin/nologin", "-d", "/nonexistent"];
        if (uid is { } id)
            args.AddRange(["-o", "-u", id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (groups is not null)
            args.AddRange(["-G", groups]);
        Checked("/usr/sbin/useradd", [.. args, name]);
        var fields = Checked("/usr/bin/getent", "passwd", name).Trim().Split(':');
        return new RunAs(name, uint.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), uint.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose()
    {
        try
        {
            holder.StandardInput.Close();
            if (!holder.WaitForExit(TimeSpan.FromMinutes(1)))
                holder.Kill();
            holder.WaitForExit();
        }
        finally
        {
            holder.Dispose();
            Directory.Delete(dir, recursive: true);
        }
    }
}
