using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.FleetBench;

/// <summary>
/// A MariaDB or PostgreSQL server of the benchmark's own, on a free loopback port with its data in
/// the work folder: its CPU time and status counters are the fleet's alone, not those of whatever
/// else uses the shared test servers. Stopped on dispose.
/// </summary>
internal sealed class PrivateServer : IDisposable
{
    private readonly string dir;

    private PrivateServer(Dialect dialect, string dir, int port, string admin)
    {
        Dialect = dialect;
        this.dir = dir;
        Port = port;
        Admin = admin;
    }

    public Dialect Dialect { get; }

    public int Port { get; }

    public string Admin { get; }

    /// <summary>The server's main process (mariadbd, or the postmaster, which reaps its backends).</summary>
    public int Pid => int.Parse(File.ReadLines(Dialect == Dialect.MariaDb ? Path.Combine(dir, "mysqld.pid") : Path.Combine(dir, "data", "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    /// <summary>CPU seconds the server has used so far, its reaped children included (/proc/PID/stat).</summary>
    public double CpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime, stime, cutime, cstime are fields 14-17 of the file, 12-15 after the name.
        var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return ticks / 100.0;
    }

    public static PrivateServer Start(Dialect dialect, string work)
    {
        var dir = Path.Combine(work, dialect == Dialect.MariaDb ? "mariadb" : "postgres");
        Directory.CreateDirectory(dir);
        var port = FreePort();
        if (dialect == Dialect.MariaDb)
        {
            Chown(dir, "mysql");
            var data = Path.Combine(dir, "data");
            var socket = Path.Combine(dir, "mysqld.sock");
            Run("mariadb-install-db", "--user=mysql", $"--datadir={data}", "--auth-root-authentication-method=socket");
            var server = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "mariadbd", "--no-defaults", "--user=mysql", $"--datadir={data}", $"--socket={socket}", $"--pid-file={Path.Combine(dir, "mysqld.pid")}",
                "--bind-address=127.0.0.1", $"--port={port}", "--skip-name-resolve", $"--log-error={Path.Combine(dir, "mysqld.log")}", "--innodb-buffer-pool-size=512M", "--max-connections=300" })
                server.ArgumentList.Add(a);
            Process.Start(server);
            for (var i = 0; i < 120 && !Ready("mariadb-admin", $"--socket={socket}", "-u", "root", "ping"); i++)
                Thread.Sleep(500);
            Run("mariadb", $"--socket={socket}", "-u", "root", "-e",
                "CREATE USER 'bench'@'127.0.0.1' IDENTIFIED BY 'bench'; GRANT ALL PRIVILEGES ON *.* TO 'bench'@'127.0.0.1'; FLUSH PRIVILEGES;");
            return new PrivateServer(dialect, dir, port, $"Server=127.0.0.1;Port={port};User ID=bench;Password=bench;Pooling=false;Connection Timeout=30;Default Command Timeout=600");
        }

        const string bin = "/usr/lib/postgresql/15/bin";
        Chown(dir, "postgres");
        var pgdata = Path.Combine(dir, "data");
        Run("runuser", "-u", "postgres", "--", $"{bin}/initdb", "-D", pgdata, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
        Run("runuser", "-u", "postgres", "--", $"{bin}/pg_ctl", "-D", pgdata, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "120",
            "-o", $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={dir} -c max_connections=300 -c shared_buffers=256MB", "start");
        return new PrivateServer(dialect, dir, port, $"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false;Timeout=30;Command Timeout=600");
    }

    public void Dispose()
    {
        if (Dialect == Dialect.MariaDb)
        {
            try
            {
                var pid = Pid;
                Process.GetProcessById(pid).Kill();
                Process.GetProcessById(pid).WaitForExit(60_000);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
            {
                // Already gone.
            }
        }
        else
        {
            Ready("runuser", "-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", Path.Combine(dir, "data"), "-m", "fast", "-w", "stop");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Chown(string dir, string user)
    {
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        Run("chown", $"{user}:{user}", dir);
    }

    private static void Run(string file, params string[] args)
    {
        if (!Ready(file, args))
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed");
    }

    private static bool Ready(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
