namespace Cpvendor.Doctor.Host;

/// <summary>A kernel setting: its running value (<c>/proc/sys</c>) and what boot applies (<c>/etc/sysctl.conf</c>, <c>/etc/sysctl.d</c>).</summary>
internal sealed record SysctlValue(string Key, string? Running, string? Persisted, string Evidence)
{
    public static SysctlValue Read(HostView host, string key)
    {
        var proc = host.Read("/proc/sys/" + key.Replace('.', '/'));
        var running = proc.Text?.Trim();
        string? persisted = null;
        string? source = null;
        var files = new List<string> { host.Under("/etc/sysctl.conf") };
        var dir = host.Under("/etc/sysctl.d");
        if (Directory.Exists(dir))
            files.AddRange(Directory.EnumerateFiles(dir, "*.conf").Order(StringComparer.Ordinal));

        // Later files win, as sysctl --system applies them in order (sysctl.conf last).
        foreach (var file in files.Skip(1).Append(files[0]))
        {
            var read = FileRead.Of(file);
            foreach (var line in (read.Text ?? "").Split('\n'))
            {
                var trimmed = line.Trim();
                var eq = trimmed.IndexOf('=', StringComparison.Ordinal);
                if (trimmed.Length == 0 || trimmed[0] is '#' or ';' || eq < 0)
                    continue;
                if (trimmed[..eq].Trim().Replace('/', '.') == key)
                {
                    persisted = trimmed[(eq + 1)..].Trim();
                    source = file;
                }
            }
        }

        var evidence = $"{key}: running {running ?? "unreadable (" + proc.Problem + ")"}, at boot {persisted ?? "not set"}{(source is null ? "" : " in " + source)}";
        return new SysctlValue(key, running, persisted, evidence);
    }

    /// <summary>The value at boot differs from the running one: a reboot changes the setting.</summary>
    public bool Drifts => Persisted is not null && Running is not null && Persisted != Running;
}
