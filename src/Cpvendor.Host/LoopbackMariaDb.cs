using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Host;

/// <summary>
/// A throw-away MariaDB server of the quickstart's own: data in the quickstart folder, listening on
/// a free loopback port, an account that may create its database. Stopped on dispose. Needs the
/// MariaDB server package (mariadb-install-db and mariadbd on the PATH); says how to get it otherwise.
/// </summary>
public sealed class LoopbackMariaDb : IDisposable
{
    public const string Missing =
        "this quickstart needs MariaDB: install the server package (Debian/Ubuntu: apt-get install mariadb-server; " +
        "RHEL/CloudLinux: dnf install mariadb-server) so that quickstart can start a private one on 127.0.0.1, " +
        "or give --mariadb 'Server=...;Port=...;User ID=...;Password=...' of an account that may create a database";

    private readonly string pidFile;

    private LoopbackMariaDb(string pidFile, string connectionString)
    {
        this.pidFile = pidFile;
        ConnectionString = connectionString;
    }

    /// <summary>The admin connection string (no database), for MySqlConnector.</summary>
    public string ConnectionString { get; }

    public static bool Available => OnPath("mariadbd") && OnPath("mariadb-install-db") && OnPath("mariadb");

    public static LoopbackMariaDb Start(string dir)
    {
        if (!Available)
            throw CpvendorException.Invalid(Missing);
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        Exec("chown", "mysql:mysql", dir);
        var data = Path.Combine(dir, "data");
        var socket = Path.Combine(dir, "mysqld.sock");
        var pid = Path.Combine(dir, "mysqld.pid");
        Exec("mariadb-install-db", "--user=mysql", $"--datadir={data}", "--auth-root-authentication-method=socket");
        var port = FreePort();
        // The server outlives this call (Dispose stops it); it logs to its own file.
        if (!ChildProcess.Start(["setsid", "mariadbd", "--no-defaults", "--user=mysql", $"--datadir={data}", $"--socket={socket}", $"--pid-file={pid}",
            "--bind-address=127.0.0.1", $"--port={port}", "--skip-name-resolve", $"--log-error={Path.Combine(dir, "mysqld.log")}"]))
        {
            throw CpvendorException.Io("could not start mariadbd for the quickstart's panel database");
        }

        for (var i = 0; i < 120 && !Try("mariadb-admin", $"--socket={socket}", "-u", "root", "ping"); i++)
            Thread.Sleep(500);
        var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        Exec("mariadb", $"--socket={socket}", "-u", "root", "-e",
            $"CREATE USER 'quickstart'@'127.0.0.1' IDENTIFIED BY '{password}'; GRANT ALL PRIVILEGES ON *.* TO 'quickstart'@'127.0.0.1'; FLUSH PRIVILEGES;");
        return new LoopbackMariaDb(pid, $"Server=127.0.0.1;Port={port};User ID=quickstart;Password={password}");
    }

    public void Dispose()
    {
        try
        {
            using var process = Process.GetProcessById(int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture));
            process.Kill();
            process.WaitForExit(60_000);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or FormatException)
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

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':').Append("/usr/sbin").Any(d => File.Exists(Path.Combine(d, program)));

    private static void Exec(string file, params string[] arguments)
    {
        if (!Try(file, arguments))
            throw CpvendorException.Invalid($"{file} failed while starting a private MariaDB; {Missing}");
    }

    // The daemon itself is started above and left running; every tool that runs to its end goes
    // through the one child-process runner.
    private static bool Try(string file, params string[] arguments) =>
        ChildProcess.Run([file, .. arguments], new ChildOptions { Timeout = TimeSpan.FromMinutes(5) }).Succeeded;
}
