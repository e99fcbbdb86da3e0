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
        // Lines found by their account need every line looked at; by database user, the map this
        // class last wrote is searched for the few places that change.
        if (accounts.Count == 0 && ReadIfStamped(config) is { } written)
        {
            Splice(config, store, dbUsers, written);
            return;
        }

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

    /// <summary>
    /// Brings the lines of <paramref name="dbUsers"/> up to date in <paramref name="current"/>, the map
    /// as this class last wrote it (so in the written form, ordered by database user): each name's
    /// place is found by a binary search over the lines, and the file is written from the runs
    /// between those places and the store's new lines, so the work besides the copy grows with the
    /// names changed, not with the map. Nothing is written when no line changes.
    /// </summary>
    private static void Splice(InstallConfig config, StoreSession store, IReadOnlySet<string> dbUsers, byte[] current)
    {
        var edits = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        foreach (var dbUser in dbUsers)
            edits[dbUser] = null;
        foreach (var line in store.GovernorLines([.. dbUsers]))
            edits[line[..line.IndexOf(' ', StringComparison.Ordinal)]] = Encoding.UTF8.GetBytes(line + "\n");
        var sorted = edits.Select(e => (Key: Encoding.UTF8.GetBytes(e.Key), Line: e.Value)).ToList();
        sorted.Sort((a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));

        var parts = new List<ReadOnlyMemory<byte>>(2 * sorted.Count + 1);
        var run = 0;
        foreach (var (key, line) in sorted)
        {
            var at = LowerBound(current, key, run);
            var end = at < current.Length && Key(current.AsSpan(at)).SequenceEqual(key) ? at + current.AsSpan(at).IndexOf((byte)'\n') + 1 : at;
            if (current.AsSpan(at, end - at).SequenceEqual(line))
                continue;
            parts.Add(current.AsMemory(run, at - run));
            if (line is not null)
                parts.Add(line);
            run = end;
        }

        if (parts.Count == 0)
            return;
        parts.Add(current.AsMemory(run));
        Save(config, parts);
    }

    /// <summary>
    /// The offset of the first line of <paramref name="map"/> at or after <paramref name="from"/> (a
    /// line's start) whose database user is not below <paramref name="key"/>; the map's length when
    /// there is none. The map is ordered by database user, so this is a binary search over its bytes.
    /// </summary>
    private static int LowerBound(byte[] map, ReadOnlySpan<byte> key, int from)
    {
        int low = from, high = map.Length;
        while (low < high)
        {
            // The start of the line holding the middle byte: both bounds stay at starts of lines.
            var middle = low + ((high - low) / 2);
            var start = low + map.AsSpan(low, middle - low).LastIndexOf((byte)'\n') + 1;
            var end = start + map.AsSpan(start).IndexOf((byte)'\n') + 1;
            if (Key(map.AsSpan(start, end - start)).SequenceCompareTo(key) < 0)
                low = end;
            else
                high = start;
        }

        return low;
    }

    public static void Write(InstallConfig config, StoreSession store) => Save(config, Encoding.UTF8.GetBytes(Render(store)), null);

    /// <summary>
    /// The current map's bytes when it is the very file this class last wrote: its version
    /// (<see cref="Libc.VersionOf"/>, which any write, replacement, truncation or change of mode
    /// moves) is the one recorded beside the store when it was written. Else null, and the map is
    /// read and checked line by line (<see cref="ReadIfWritten"/>).
    /// </summary>
    private static byte[]? ReadIfStamped(InstallConfig config)
    {
        try
        {
            using var handle = File.OpenHandle(config.GovernorMap, FileMode.Open, FileAccess.Read);
            var version = Libc.VersionOf(handle);
            if (version is null || version != RecordedVersion(config))
                return null;
            var bytes = new byte[RandomAccess.GetLength(handle)];
            for (var done = 0; done < bytes.Length;)
            {
                var read = RandomAccess.Read(handle, bytes.AsSpan(done), done);
                if (read == 0)
                    return null;
                done += read;
            }

            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Where the version of the map last written is recorded: beside the store, in its folder only
    /// root can change, opened without following a link and trusted only as a private file of
    /// root's (<see cref="Libc.OpenPrivateFile"/>). Not flushed to disk: a record lost, torn or older
    /// than the map only sends the next change through the line-by-line check.
    /// </summary>
    private static string StampPath(InstallConfig config) => config.Store + ".governor-map";

    private static string? RecordedVersion(InstallConfig config)
    {
        using var file = Libc.OpenPrivateFile(StampPath(config), create: false);
        if (file is null)
            return null;
        Span<byte> bytes = stackalloc byte[256];
        var length = RandomAccess.Read(file, bytes, 0);
        return Encoding.UTF8.GetString(bytes[..length]);
    }

    /// <summary>Records the version of the map now in place, which this class has just written or found to be in the written form.</summary>
    private static void Remember(InstallConfig config)
    {
        try
        {
            string? version;
            using (var handle = File.OpenHandle(config.GovernorMap, FileMode.Open, FileAccess.Read))
                version = Libc.VersionOf(handle);
            using var stamp = Libc.OpenPrivateFile(StampPath(config), create: true);
            if (stamp is null)
                return;
            RandomAccess.SetLength(stamp, 0);
            if (version is not null)
                RandomAccess.Write(stamp, Encoding.UTF8.GetBytes(version), 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a record the next change checks the map line by line: slower, never wrong.
        }
    }

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
        {
            Remember(config);
            return;
        }

        Save(config, [bytes]);
    }

    private static void Save(InstallConfig config, IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        var root = Libc.GetEuid() == 0 ? 0u : (uint?)null;
        SecureFile.WriteAtomic(config.GovernorMap, parts, MapMode, root, root);
        Remember(config);
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
