namespace Cpvendor.Doctor.Host;

/// <summary>
/// What a caged user can see (docs/contract.md section 7): folders mounted from the real system by
/// <c>cagefs.mp</c> (prefixes <c>!</c>, <c>%</c> and <c>@PATH,MODE</c> included) and paths copied
/// into the skeleton by <c>conf.d/*.cfg</c>. Null when CageFS is not installed under the root.
/// </summary>
internal sealed record CageFsView(string MountFile, IReadOnlyList<string> Mounts, IReadOnlyList<string> SkeletonPaths)
{
    public static (CageFsView? View, string? Problem) Of(HostView host)
    {
        var mp = host.Read("/etc/cagefs/cagefs.mp");
        if (mp.Missing)
            return (null, null);
        if (mp.Text is null)
            return (null, mp.Problem);
        var mounts = new List<string>();
        foreach (var raw in mp.Text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            line = line.TrimStart('!', '%', '@');
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0)
                line = line[..comma];
            if (line.StartsWith('/'))
                mounts.Add(line.TrimEnd('/'));
        }

        var skeleton = new List<string>();
        var confD = host.Under("/etc/cagefs/conf.d");
        if (Directory.Exists(confD))
        {
            foreach (var file in Directory.EnumerateFiles(confD, "*.cfg"))
            {
                foreach (var line in File.ReadLines(file))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith("paths", StringComparison.Ordinal) && trimmed.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
                        skeleton.AddRange(trimmed[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                }
            }
        }

        return (new CageFsView(mp.Path, mounts, skeleton), null);
    }

    /// <summary>The mount that makes a path visible in a cage, or null.</summary>
    public string? MountOf(string path) =>
        Mounts.Where(m => path == m || path.StartsWith(m + "/", StringComparison.Ordinal)).OrderByDescending(m => m.Length).FirstOrDefault();

    public bool Visible(string path) =>
        MountOf(path) is not null || SkeletonPaths.Any(p => path == p || path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));
}
