using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Store;

namespace Cpvendor.Panel.Governor;

/// <summary>
/// Writes the MySQL Governor map (docs/contract.md section 7): one line per database user,
/// <c>db_user account uid</c> with single spaces, ordered by database user, rewritten atomically
/// (temporary file, fsync, rename) so that Governor, which re-reads the file when its mtime changes,
/// never sees half of it. Governor's parser keeps 63 characters of each field, keeps the first of
/// duplicated database users and skips lines with an empty field or a uid below 1: the validators
/// already forbid all of those (database users are unique and at most 63 characters, account names at most 32,
/// uids at least 1), and the query filters them once more so the file is right by construction.
/// </summary>
internal static class GovernorMapWriter
{
    private const UnixFileMode MapMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600: read by root's db_governor only
    private const UnixFileMode FolderMode = FileModes.PublicFolder;

    public static string Render(StoreSession store) => store.GovernorMap();

    /// <summary>
    /// Brings the lines of some database users and accounts up to date from the store, keeping the
    /// rest of the current file: a change costs the same on a store of 10 or 10,000 accounts. The
    /// file is rewritten whole from the store instead when it is missing or not in the form this
    /// class writes (edited by hand).
    /// </summary>
    public static void Update(InstallConfig config, StoreSession store, IReadOnlySet<string> dbUsers, IReadOnlySet<string> accounts)
    {
        var lines = ReadSorted(config.GovernorMap);
        if (lines is null)
        {
            Write(config, store);
            return;
        }

        var dbUserLookup = dbUsers.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var accountLookup = accounts.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        lines.RemoveAll(line => dbUserLookup.Contains(Field(line, 0)) || accountLookup.Contains(Field(line, 1)));
        foreach (var line in store.GovernorLines([.. dbUsers, .. accounts]))
        {
            var at = lines.BinarySearch(line, KeyOrder.Instance);
            if (at >= 0)
                lines[at] = line;
            else
                lines.Insert(~at, line);
        }

        var text = new StringBuilder(lines.Sum(l => l.Length + 1));
        foreach (var line in lines)
            text.Append(line).Append('\n');
        Save(config, text.ToString());
    }

    public static void Write(InstallConfig config, StoreSession store) => Save(config, Render(store));

    /// <summary>The current map's lines if it is exactly as written here (three fields, sorted, unique); else null.</summary>
    private static List<string>? ReadSorted(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (text.Length > 0 && text[^1] != '\n')
            return null;
        var lines = new List<string>(text.Length / 24);
        string? previous = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.AsSpan().Count(' ') != 2 || (previous is not null && KeyOrder.Instance.Compare(previous, line) >= 0))
                return null;
            lines.Add(line);
            previous = line;
        }

        return lines;
    }

    /// <summary>Field 0 (database user) or 1 (account) of a line known to hold exactly three fields.</summary>
    private static ReadOnlySpan<char> Field(string line, int index)
    {
        var first = line.IndexOf(' ', StringComparison.Ordinal);
        if (index == 0)
            return line.AsSpan(0, first);
        var second = line.IndexOf(' ', first + 1);
        return line.AsSpan(first + 1, second - first - 1);
    }

    private static void Save(InstallConfig config, string text)
    {
        var folder = Path.GetDirectoryName(config.GovernorMap)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, FolderMode);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (IsAlready(config.GovernorMap, bytes))
            return;
        var root = Libc.GetEuid() == 0 ? 0u : (uint?)null;
        SecureFile.WriteAtomic(config.GovernorMap, bytes, MapMode, root, root);
    }

    /// <summary>An unchanged map is left alone: Governor re-reads the file whenever its mtime moves.</summary>
    private static bool IsAlready(string path, byte[] bytes)
    {
        try
        {
            return File.GetUnixFileMode(path) == MapMode && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Lines ordered by their database user, byte for byte as SQLite orders the full render (ASCII names).</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(string? x, string? y) => Key(x!).SequenceCompareTo(Key(y!));

        private static ReadOnlySpan<char> Key(string line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            return space < 0 ? line : line.AsSpan(0, space);
        }
    }
}
