namespace Cpvendor.Doctor.Host;

/// <summary>
/// An Apache web server found under the root: its binary, whether it sits where CloudLinux's own
/// packages put it (<c>httpd</c>, <c>httpd24-httpd</c>), the configuration files that load modules,
/// and its suexec. Known layouts only: CloudLinux's packages, a custom build in /usr/local/apache
/// or /usr/local/apache2, Debian's apache2.
/// </summary>
internal sealed record ApacheInstall(string Binary, string HostBinary, bool PackageLayout, IReadOnlyList<string> ConfigFiles, string? Suexec)
{
    private static readonly (string Binary, bool Package, string[] ConfigDirs, string[] Suexec)[] Layouts =
    [
        ("/usr/sbin/httpd", true, ["/etc/httpd/conf", "/etc/httpd/conf.d", "/etc/httpd/conf.modules.d"], ["/usr/sbin/suexec"]),
        ("/opt/rh/httpd24/root/usr/sbin/httpd", true, ["/opt/rh/httpd24/root/etc/httpd/conf", "/opt/rh/httpd24/root/etc/httpd/conf.d", "/opt/rh/httpd24/root/etc/httpd/conf.modules.d"], ["/opt/rh/httpd24/root/usr/sbin/suexec"]),
        ("/usr/local/apache/bin/httpd", false, ["/usr/local/apache/conf", "/usr/local/apache/conf.d", "/usr/local/apache/conf.modules.d", "/usr/local/apache/conf/extra", "/usr/local/apache/conf/includes"], ["/usr/local/apache/bin/suexec"]),
        ("/usr/local/apache2/bin/httpd", false, ["/usr/local/apache2/conf", "/usr/local/apache2/conf.d", "/usr/local/apache2/conf/extra"], ["/usr/local/apache2/bin/suexec"]),
        ("/usr/sbin/apache2", false, ["/etc/apache2", "/etc/apache2/mods-enabled", "/etc/apache2/conf-enabled"], ["/usr/lib/apache2/suexec"]),
    ];

    public static IReadOnlyList<ApacheInstall> Find(HostView host)
    {
        var found = new List<ApacheInstall>();
        foreach (var layout in Layouts)
        {
            var binary = host.Under(layout.Binary);
            if (!File.Exists(binary))
                continue;
            var configs = new List<string>();
            foreach (var dir in layout.ConfigDirs.Select(host.Under).Where(Directory.Exists))
                configs.AddRange(Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".load", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            var suexec = layout.Suexec.Select(host.Under).FirstOrDefault(File.Exists);
            found.Add(new ApacheInstall(binary, layout.Binary, layout.Package, configs, suexec));
        }

        return found;
    }

    /// <summary>The modules a configuration loads (<c>LoadModule NAME path</c>), by name.</summary>
    public IReadOnlySet<string> ConfiguredModules()
    {
        var modules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ConfigFiles)
        {
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length >= 3 && fields[0].Equals("LoadModule", StringComparison.OrdinalIgnoreCase))
                    modules.Add(fields[1]);
            }
        }

        return modules;
    }

    /// <summary>Whether a program was built to enter LVE: CloudLinux's patched builds load <c>liblve.so.0</c>.</summary>
    public static bool? LoadsLiblve(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.AsSpan().IndexOf("liblve.so"u8) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The package that owns a file and its vendor, asked of rpm on the real root only (a copied tree
    /// has no rpm database to ask); null when that cannot be known.
    /// </summary>
    public static (string? Package, string? Vendor)? RpmOwner(HostView host, string hostPath)
    {
        if (!host.IsRealRoot || !File.Exists("/usr/bin/rpm"))
            return null;
        var run = Core.Processes.ChildProcess.Run(["/usr/bin/rpm", "-qf", "--queryformat", "%{NAME}|%{VENDOR}\n", hostPath], Cpvendor.Host.HostTools.Checked);
        if (run.ExitCode != 0)
            return (null, null);
        var fields = run.Stdout.Split('\n')[0].Split('|');
        return (fields[0], fields.Length > 1 ? fields[1] : null);
    }

    /// <summary>The loaded modules as <c>httpd -M</c> lists them, on the real root only.</summary>
    public IReadOnlySet<string>? LoadedModules(HostView host)
    {
        if (!host.IsRealRoot)
            return null;
        var run = Core.Processes.ChildProcess.Run([Binary, "-M"], Cpvendor.Host.HostTools.Checked);
        if (run.ExitCode != 0)
            return null;
        return run.Stdout.Split('\n').Select(l => l.Trim().Split(' ')[0]).Where(m => m.EndsWith("_module", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }
}
