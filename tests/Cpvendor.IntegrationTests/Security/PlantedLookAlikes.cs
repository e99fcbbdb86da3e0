namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A folder of a user's full of executables named like every program cpvendor starts (system tools,
/// interpreters, its own binaries), each of which records its name in <see cref="Ran"/> when run, by
/// whatever account. Root's commands are then run with this folder as their working directory and
/// first in their PATH: a command that finds a program by a bare name runs the user's copy.
/// </summary>
public sealed class PlantedLookAlikes
{
    public static readonly string[] Names =
    [
        "gpasswd", "groupadd", "groupdel", "useradd", "usermod", "chown", "setsid", "mariadb", "mariadb-admin",
        "mariadb-install-db", "mariadbd", "mysql", "cagefsctl", "setpriv", "sudo", "visudo", "rpm", "httpd", "apache2",
        "sh", "bash", "python3", "php", "env", "id", "test", "stat", "rm", "cpvendor", "cpvendor-cpapi", "cpvendor-pie",
    ];

    public PlantedLookAlikes(HostileUser user)
    {
        Folder = user.MakeFolder(Path.Combine(user.Scratch, "tools"));
        var log = user.MakeFolder(Path.Combine(user.Scratch, "log"), "1777");
        Ran = Path.Combine(log, "ran");
        foreach (var name in Names)
            user.WriteFile(Path.Combine(Folder, name), $"#!/bin/sh\necho \"{name} $(id -u) $*\" >> {Ran}\nexit 0\n", "0755");
    }

    /// <summary>The user's folder of look-alikes.</summary>
    public string Folder { get; }

    /// <summary>One line per look-alike that ran: its name, the uid it ran as, its arguments.</summary>
    public string Ran { get; }

    /// <summary>What ran, or empty.</summary>
    public string RanLines => File.Exists(Ran) ? File.ReadAllText(Ran) : "";

    /// <summary>The environment a root command gets: the look-alikes first in PATH.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["PATH"] = Folder + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    };
}
