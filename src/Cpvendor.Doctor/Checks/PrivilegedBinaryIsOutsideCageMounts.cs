namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: a program run through proxyexec (every path in a
/// <c>/etc/cagefs/*.proxy.commands</c> file) must lie outside folders cagefs.mp mounts; otherwise the
/// cage shows the real file instead of the proxyexec stub and the call never leaves the cage.
/// </summary>
internal sealed class PrivilegedBinaryIsOutsideCageMounts : Check
{
    public override string Name => "Privileged binary is outside cage-mounted folders";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (cage, problem) = CageFsView.Of(host);
        var dir = host.Under("/etc/cagefs");
        var files = Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.proxy.commands").Where(f => Path.GetFileName(f) != "proxy.commands").ToList() : [];
        var targets = new List<(string File, string Path)>();
        foreach (var file in files)
        {
            foreach (var raw in File.ReadLines(file))
            {
                var line = raw.Trim();
                var eq = line.IndexOf('=', StringComparison.Ordinal);
                if (line.Length == 0 || line[0] == '#' || eq < 0)
                    continue;
                var target = line[(eq + 1)..];
                var colon = target.IndexOf(':', StringComparison.Ordinal);
                if (colon >= 0 && !target.StartsWith('/'))
                    target = target[(colon + 1)..];
                targets.Add((file, host.HostPath(target.Trim())));
            }
        }

        if (targets.Count == 0)
        {
            yield return Info("no proxyexec command is configured");
            yield break;
        }

        if (cage is null)
        {
            yield return problem is null
                ? Info("proxyexec commands exist but CageFS is not installed", Sample(targets.Select(t => t.Path)))
                : Unknown("cagefs.mp cannot be read", problem, "run the doctor as root");
            yield break;
        }

        var mounted = targets.Where(t => cage.MountOf(t.Path) is not null).ToList();
        foreach (var (file, path) in mounted)
        {
            yield return Error($"{path} is run through proxyexec but lies under the mounted folder {cage.MountOf(path)}", file,
                "install the privileged program outside mounted folders (cpvendor uses /usr/libexec/cpvendor) and point the entry there");
        }

        if (mounted.Count == 0)
            yield return Ok("every proxyexec program is outside mounted folders", Sample(targets.Select(t => t.Path)));
    }
}
