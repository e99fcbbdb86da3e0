using System.Globalization;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// What a read-only question must leave alone (docs/contract.md section 1: the scripts answer
/// questions): the account files, read before and after every call so that a change is tied to the
/// call that made it, and the folders integration.ini names, compared over the whole run.
/// Nothing is followed through links; folders are listed up to a bound.
/// </summary>
internal sealed class HostWatch
{
    public static readonly string[] AccountFiles = ["/etc/passwd", "/etc/group", "/etc/shadow"];

    private const int MaxEntries = 5000;

    private readonly List<(CallResult Call, string Change)> accountChanges = [];
    private Dictionary<string, string> accounts;

    public HostWatch(IEnumerable<string> folders)
    {
        Folders = folders.Distinct(StringComparer.Ordinal).Where(Directory.Exists).ToList();
        accounts = ReadAccounts();
        Before = Folders.ToDictionary(f => f, List, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Folders { get; }

    public IReadOnlyDictionary<string, Dictionary<string, string>> Before { get; }

    /// <summary>Account entries that changed while a call ran, with that call.</summary>
    public IReadOnlyList<(CallResult Call, string Change)> AccountChanges => accountChanges;

    /// <summary>Called before each call: the account files as they are now.</summary>
    public void Mark() => accounts = ReadAccounts();

    /// <summary>Called after each call: what changed in the account files since <see cref="Mark"/>.</summary>
    public void Settle(CallResult call)
    {
        var now = ReadAccounts();
        foreach (var (key, line) in now)
        {
            if (!accounts.TryGetValue(key, out var old))
                accountChanges.Add((call, $"{key}: added ({Shown(key, line)})"));
            else if (old != line)
                accountChanges.Add((call, $"{key}: changed"));
        }

        foreach (var key in accounts.Keys.Where(k => !now.ContainsKey(k)))
            accountChanges.Add((call, $"{key}: removed"));
        accounts = now;
    }

    /// <summary>Entries of a watched folder added, removed or changed since the start of the run.</summary>
    public IEnumerable<string> FolderChanges()
    {
        foreach (var folder in Folders)
        {
            var before = Before[folder];
            var after = List(folder);
            foreach (var (path, stamp) in after)
            {
                if (!before.TryGetValue(path, out var old))
                    yield return $"{System.IO.Path.Combine(folder, path)}: created";
                else if (old != stamp)
                    yield return $"{System.IO.Path.Combine(folder, path)}: modified";
            }

            foreach (var path in before.Keys.Where(p => !after.ContainsKey(p)))
                yield return $"{System.IO.Path.Combine(folder, path)}: removed";
        }
    }

    /// <summary>"passwd:name" → line, for every entry of the account files (shadow only when readable).</summary>
    private static Dictionary<string, string> ReadAccounts()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in AccountFiles)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var label = System.IO.Path.GetFileName(file);
            foreach (var line in lines)
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    entries[$"{label} {line[..colon]}"] = line;
            }
        }

        return entries;
    }

    /// <summary>The name part of a key: the second word.</summary>
    public static string NameOf(string change) => change.Split(' ', ':')[1];

    private static string Shown(string key, string line) => key.StartsWith("shadow ", StringComparison.Ordinal) ? "password hash not shown" : line;

    private static Dictionary<string, string> List(string folder)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true, ReturnSpecialDirectories = false };
        foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            if (entries.Count >= MaxEntries)
                break;
            var kind = info.LinkTarget is not null ? "link" : info is DirectoryInfo ? "dir" : "file";
            var size = info is FileInfo file && kind == "file" ? file.Length : 0;
            entries[System.IO.Path.GetRelativePath(folder, info.FullName)] = string.Create(CultureInfo.InvariantCulture, $"{kind} {size} {info.LastWriteTimeUtc.Ticks} {info.UnixFileMode}");
        }

        return entries;
    }
}
