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
    /// rest of the current file as its bytes: the lines kept are copied in runs, the store's lines
    /// for those names go in at their places, so a change reads and writes the file once and parses
    /// no line into a string (at 150,000 lines that was most of a <c>db add</c>). The file is
    /// rewritten whole from the store instead when it is missing or not in the form this class
    /// writes (edited by hand: a line without exactly three fields, out of order, not UTF-8).
    /// </summary>
    public static void Update(InstallConfig config, StoreSession store, IReadOnlySet<string> dbUsers, IReadOnlySet<string> accounts)
    {
        var current = ReadIfWritten(config.GovernorMap);
        if (current is null)
        {
            Write(config, store);
            return;
        }

        var dbUserLookup = dbUsers.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var accountLookup = accounts.ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var fresh = store.GovernorLines([.. dbUsers, .. accounts]).Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToList();
        fresh.Sort((a, b) => Key(a).SequenceCompareTo(Key(b)));

        var output = new MemoryStream(current.Length + fresh.Sum(l => l.Length));
        var next = 0;
        var run = 0;
        for (var at = 0; at < current.Length;)
        {
            var end = at + current.AsSpan(at).IndexOf((byte)'\n') + 1;
            var line = current.AsSpan(at, end - at);
            var key = Key(line);
            while (next < fresh.Count && Key(fresh[next]).SequenceCompareTo(key) < 0)
            {
                output.Write(current, run, at - run);
                run = at;
                output.Write(fresh[next++]);
            }

            var replaced = next < fresh.Count && Key(fresh[next]).SequenceEqual(key);
            if (replaced || Holds(dbUserLookup, key) || Holds(accountLookup, Field(line, 1)))
            {
                output.Write(current, run, at - run);
                run = end;
                if (replaced)
                    output.Write(fresh[next++]);
            }

            at = end;
        }

        output.Write(current, run, current.Length - run);
        for (; next < fresh.Count; next++)
            output.Write(fresh[next]);
        Save(config, output.ToArray(), current);
    }

    public static void Write(InstallConfig config, StoreSession store) => Save(config, Encoding.UTF8.GetBytes(Render(store)), null);

    /// <summary>
    /// The current map's bytes if it is exactly as written here (UTF-8, every line three fields
    /// ended by a newline, strictly ordered by database user); else null.
    /// </summary>
    private static byte[]? ReadIfWritten(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if ((bytes.Length > 0 && bytes[^1] != (byte)'\n') || !System.Text.Unicode.Utf8.IsValid(bytes))
            return null;
        ReadOnlySpan<byte> previous = default;
        for (var at = 0; at < bytes.Length;)
        {
            var end = at + bytes.AsSpan(at).IndexOf((byte)'\n') + 1;
            var line = bytes.AsSpan(at, end - at - 1);
            if (line.Count((byte)' ') != 2 || (at > 0 && previous.SequenceCompareTo(Key(line)) >= 0))
                return null;
            previous = Key(line);
            at = end;
        }

        return bytes;
    }

    /// <summary>A line's database user: its bytes before the first space (UTF-8 orders as SQLite's full render does).</summary>
    private static ReadOnlySpan<byte> Key(ReadOnlySpan<byte> line)
    {
        var space = line.IndexOf((byte)' ');
        return space < 0 ? line : line[..space];
    }

    /// <summary>Field 1 (the account) of a line known to hold exactly three fields.</summary>
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> line, int index)
    {
        var rest = line[(line.IndexOf((byte)' ') + 1)..];
        return index == 1 ? rest[..rest.IndexOf((byte)' ')] : rest;
    }

    private static bool Holds(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names, ReadOnlySpan<byte> utf8)
    {
        if (names.Set.Count == 0)
            return false;
        Span<char> chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return names.Contains(chars[..length]);
    }

    /// <param name="current">The map's bytes as just read, when known: an unchanged map is not read again.</param>
    private static void Save(InstallConfig config, byte[] bytes, byte[]? current)
    {
        var folder = Path.GetDirectoryName(config.GovernorMap)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, FolderMode);
        }

        if (IsAlready(config.GovernorMap, bytes, current))
            return;
        var root = Libc.GetEuid() == 0 ? 0u : (uint?)null;
        SecureFile.WriteAtomic(config.GovernorMap, bytes, MapMode, root, root);
    }

    /// <summary>An unchanged map is left alone: Governor re-reads the file whenever its mtime moves.</summary>
    private static bool IsAlready(string path, byte[] bytes, byte[]? current)
    {
        try
        {
            return File.GetUnixFileMode(path) == MapMode && (current ?? File.ReadAllBytes(path)).AsSpan().SequenceEqual(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
