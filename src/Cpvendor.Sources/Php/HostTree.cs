namespace Cpvendor.Sources.Php;

/// <summary>
/// A host's file tree under an install root, read as hostile: a path is resolved one component at
/// a time, a symbolic link is followed only while its target stays inside the root (an absolute
/// target is taken relative to the root, a <c>..</c> never climbs above it, at most
/// <see cref="MaxLinks"/> links per path), and folder listings are bounded. Nothing is opened for
/// writing and nothing is run.
/// </summary>
internal sealed class HostTree(string root)
{
    public const int MaxLinks = 16;

    public const int MaxEntries = 512;

    private readonly string root = Path.GetFullPath(root).TrimEnd('/');

    /// <summary>The real path under the root of a host path, or null when it does not exist or a link leads out.</summary>
    public string? Resolve(string hostPath)
    {
        var pending = new Stack<string>(hostPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var parts = new List<string>();
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
                continue;
            }

            var candidate = root + "/" + string.Join('/', parts.Append(part));
            FileSystemInfo info = new FileInfo(candidate);
            if (!info.Exists)
                info = new DirectoryInfo(candidate);
            if (!info.Exists && info.LinkTarget is null)
                return null;
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    return null;
                if (target.StartsWith('/'))
                    parts.Clear();
                foreach (var next in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                    pending.Push(next);
                continue;
            }

            parts.Add(part);
        }

        return root + "/" + string.Join('/', parts);
    }

    /// <summary>Whether a host path is a regular file (after links inside the root).</summary>
    public bool IsFile(string hostPath) => Resolve(hostPath) is { } path && File.Exists(path);

    /// <summary>Whether a host path is a folder (after links inside the root).</summary>
    public bool IsDirectory(string hostPath) => Resolve(hostPath) is { } path && Directory.Exists(path);

    /// <summary>The names in a host folder, at most <see cref="MaxEntries"/>, sorted; none when it is not a folder.</summary>
    public IReadOnlyList<string> Names(string hostPath)
    {
        if (Resolve(hostPath) is not { } path || !Directory.Exists(path))
            return [];
        try
        {
            return Directory.EnumerateFileSystemEntries(path).Take(MaxEntries).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The host path a link at a host path names, resolved inside the root, or null.</summary>
    public string? HostPathOf(string hostPath) =>
        Resolve(hostPath) is { } real ? (real.Length == root.Length ? "/" : real[root.Length..]) : null;

    /// <summary>Reads at most <paramref name="limit"/> bytes of a regular file, in pieces; null when it is not one.</summary>
    public IEnumerable<ReadOnlyMemory<byte>>? Read(string hostPath, long limit)
    {
        if (Resolve(hostPath) is not { } path || !File.Exists(path))
            return null;
        return Chunks(path, limit);

        static IEnumerable<ReadOnlyMemory<byte>> Chunks(string path, long limit)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var buffer = new byte[1 << 20];
            long total = 0;
            int read;
            while (total < limit && (read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
            {
                total += read;
                yield return buffer.AsMemory(0, read);
            }
        }
    }
}
