using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Host;

/// <summary>
/// A throw-away MariaDB server of the quickstart's own: data in the quickstart folder, listening on
/// a free loopback port, an account that may create its database. Stopped on dispose. Needs the
/// MariaDB server package (mariadb-install-db, mariadbd and mariadb in the system folders, found
/// by <see cref="SystemTools"/>, never through PATH or the working directory); says how to get it otherwise.
/// </summary>
public sealed class LoopbackMariaDb : IDisposable
{
    public const string Missing =
        "this quickstart needs MariaDB: install the server package (Debian/Ubuntu: apt-get install mariadb-server; " +
        "RHEL/CloudLinux: dnf install mariadb-server) so that quickstart can start a private one on 127.0.0.1, " +
        "or give --mariadb 'Server=...;Port=...;User ID=...;Password=...' of an account that may create a database";

    private readonly string pidFile;
    private readonly string server;

    private LoopbackMariaDb(string pidFile, string server, string connectionString)
    {
        this.pidFile = pidFile;
        this.server = server;
        ConnectionString = connectionString;
    }

    /// <summary>The admin connection string (no database), for MySqlConnector.</summary>
    public string ConnectionString { get; }

    public static bool Available => SystemTools.Find("mariadbd") is not null && SystemTools.Find("mariadb-install-db") is not null && SystemTools.Find("mariadb") is not null;

    public static LoopbackMariaDb Start(string dir)
    {
        if (!Available)
            throw CpvendorException.Invalid(Missing);
        dir = Path.GetFullPath(dir); // the tools run in /, not in this process's folder
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        Exec("chown", "mysql:mysql", dir);
        var data = Path.Combine(dir, "data");
        var socket = Path.Combine(dir, "mysqld.sock");
        var pid = Path.Combine(dir, "mysqld.pid");
        Exec("mariadb-install-db", "--user=mysql", $"--datadir={data}", "--auth-root-authentication-method=socket");
        var port = FreePort();
        // The server outlives this call (Dispose stops it); it logs to its own file.
        var server = SystemTools.Resolve("mariadbd");
        if (!ChildProcess.Start([SystemTools.Resolve("setsid"), server, "--no-defaults", "--user=mysql", $"--datadir={data}", $"--socket={socket}", $"--pid-file={pid}",
            "--bind-address=127.0.0.1", $"--port={port}", "--skip-name-resolve", $"--log-error={Path.Combine(dir, "mysqld.log")}"]))
        {
            throw CpvendorException.Io("could not start mariadbd for the quickstart's panel database");
        }

        for (var i = 0; i < 120 && !Try("mariadb-admin", $"--socket={socket}", "-u", "root", "ping"); i++)
            Thread.Sleep(500);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        Exec("mariadb", $"--socket={socket}", "-u", "root", "-e",
            $"CREATE USER 'quickstart'@'127.0.0.1' IDENTIFIED BY '{password}'; GRANT ALL PRIVILEGES ON *.* TO 'quickstart'@'127.0.0.1'; FLUSH PRIVILEGES;");
        return new LoopbackMariaDb(pid, server, $"Server=127.0.0.1;Port={port};User ID=quickstart;Password={password}");
    }

    /// <summary>
    /// Stops the server. Its pid file lies in a folder of the mysql account's, so the pid is believed
    /// only when that process runs the very mariadbd started here: otherwise root would kill
    /// whatever process that account named.
    /// </summary>
    public void Dispose()
    {
        try
        {
            var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var running = File.ResolveLinkTarget($"/proc/{pid}/exe", returnFinalTarget: false)?.FullName;
            if (running != (File.ResolveLinkTarget(server, returnFinalTarget: true)?.FullName ?? server))
                return;
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(60_000);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException or OverflowException or UnauthorizedAccessException)
        {
            // Not running any more.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Exec(string file, params string[] arguments)
    {
        if (!Try(file, arguments))
            throw CpvendorException.Invalid($"{file} failed while starting a private MariaDB; {Missing}");
    }

    // The daemon itself is started above and left running; every tool that runs to its end goes
    // through the one child-process runner.
    private static bool Try(string file, params string[] arguments) =>
        SystemTools.Find(file) is { } tool && ChildProcess.Run([tool, .. arguments], new ChildOptions { Timeout = TimeSpan.FromMinutes(5) }).Succeeded;
}
