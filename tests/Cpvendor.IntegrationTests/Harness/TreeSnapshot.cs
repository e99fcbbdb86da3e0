using System.Security.Cryptography;
using Cpvendor.Core.Native;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>One entry of a folder tree: type, mode, owner, content hash and modification time.</summary>
public sealed record TreeEntry(string Path, char Type, string Mode, uint Uid, uint Gid, string Hash, DateTime Modified)
{
    public override string ToString() => $"{Type} {Mode} {Uid}:{Gid} {Hash[..Math.Min(12, Hash.Length)]} {Modified:O} {Path}";
}

/// <summary>
/// Everything below some paths, compared to show that an operation changed nothing (with
/// modification times) or that a tree is back to what it was (without them: folders whose entries
/// came and went get a new mtime).
/// </summary>
public sealed class TreeSnapshot
{
    private TreeSnapshot(IReadOnlyList<TreeEntry> entries) => Entries = entries;

    public IReadOnlyList<TreeEntry> Entries { get; }

    public static TreeSnapshot Of(params string[] paths)
    {
        var entries = new List<TreeEntry>();
        foreach (var path in paths)
            Walk(path, entries);
        return new TreeSnapshot(entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList());
    }

    public TreeEntry? this[string path] => Entries.FirstOrDefault(e => e.Path == path);

    /// <summary>Asserts the same entries, modes, owners and contents; with mtimes when asked.</summary>
    public void AssertSameAs(TreeSnapshot other, bool withTimes)
    {
        static string Line(TreeEntry e, bool times) => times ? e.ToString() : (e with { Modified = default }).ToString();
        var expected = other.Entries.Select(e => Line(e, withTimes)).ToList();
        var actual = Entries.Select(e => Line(e, withTimes)).ToList();
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"trees differ\nonly before:\n  {string.Join("\n  ", missing)}\nonly now:\n  {string.Join("\n  ", extra)}");
    }

    private static void Walk(string path, List<TreeEntry> entries)
    {
        var status = Libc.Owner(path);
        if (status is null)
            return;
        var info = new FileInfo(path);
        var isLink = info.LinkTarget is not null;
        var isDir = !isLink && Directory.Exists(path);
        var hash = isDir ? "" : isLink ? info.LinkTarget! : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        entries.Add(new TreeEntry(path, isLink ? 'l' : isDir ? 'd' : 'f', Convert.ToString((int)status.Value.Mode, 8), status.Value.Uid, status.Value.Gid, hash, isDir ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path)));
        if (isDir)
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(path))
                Walk(child, entries);
        }
    }
}
