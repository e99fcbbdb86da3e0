using Cpvendor.Core.Native;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// What changes whenever the account database's enumeration may: the versions
/// (<see cref="Libc.VersionOf(string)"/>) of /etc/nsswitch.conf and of every file or folder the
/// sources it names for <c>passwd</c> and <c>group</c> read. Null, so nothing derived from the
/// enumeration is kept, when a source is named whose data cannot be watched this way (LDAP, NIS,
/// winbind, compat's netgroups: anything but files, systemd and sss) or a path cannot be examined.
/// </summary>
internal static class AccountDatabaseVersion
{
    private const string NsSwitch = "/etc/nsswitch.conf";

    /// <summary>
    /// Where nss-systemd finds users and groups besides its own fixed ones: userdb records, services
    /// that answer for users (their sockets), dynamic users of units and home areas.
    /// </summary>
    private static readonly string[] SystemdPaths =
        ["/etc/userdb", "/run/userdb", "/run/host/userdb", "/usr/lib/userdb", "/usr/local/lib/userdb", "/run/systemd/userdb",
         "/run/systemd/dynamic-uid", "/var/lib/systemd/home"];

    /// <summary>SSSD answers from its cache databases, which it rewrites whenever an entry changes.</summary>
    private const string SssCache = "/var/lib/sss/db";

    public static string? Current()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(NsSwitch);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var paths = new List<string> { NsSwitch, "/etc/passwd", "/etc/group" };
        foreach (var database in (string[])["passwd", "group"])
        {
            if (SourcesOf(lines, database) is not { Count: > 0 } sources)
                return null;
            foreach (var source in sources)
            {
                switch (source)
                {
                    case "files":
                        break;
                    case "systemd":
                        paths.AddRange(SystemdPaths);
                        break;
                    case "sss":
                        paths.Add(SssCache);
                        if (Directory.Exists(SssCache))
                            paths.AddRange(Directory.EnumerateFiles(SssCache).Order(StringComparer.Ordinal));
                        break;
                    default:
                        return null;
                }
            }
        }

        var version = new System.Text.StringBuilder();
        foreach (var path in paths.Distinct(StringComparer.Ordinal))
        {
            if (Libc.VersionOf(path) is not { } of)
                return null;
            version.Append(path).Append(' ').Append(of).Append('\n');
        }

        return version.ToString();
    }

    /// <summary>The sources the one <c>DATABASE:</c> line names, without their <c>[STATUS=action]</c> items; null when there is no such line or more than one.</summary>
    private static List<string>? SourcesOf(string[] lines, string database)
    {
        List<string>? sources = null;
        foreach (var raw in lines)
        {
            var line = raw.Split('#', 2)[0].Trim();
            if (!line.StartsWith(database + ":", StringComparison.Ordinal))
                continue;
            if (sources is not null)
                return null;
            sources = [];
            var inAction = false;
            foreach (var token in line[(database.Length + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.StartsWith('['))
                    inAction = true;
                if (!inAction)
                    sources.Add(token);
                if (token.EndsWith(']'))
                    inAction = false;
            }
        }

        return sources;
    }
}
