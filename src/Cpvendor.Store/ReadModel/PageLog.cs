using System.Buffers.Binary;
using Cpvendor.Core.Native;
using Microsoft.Win32.SafeHandles;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// The store's page log, <c>&lt;store&gt;-pages</c> (mode 0600, root's): which pages each commit of
/// this binary wrote, so that the publisher patches the spare generation with those pages alone
/// instead of comparing the whole store (ARCHITECTURE.md, "the publisher"). A header names the boot
/// (<c>/proc/sys/kernel/random/boot_id</c>: an OS crash may lose writes the disk never got, and then
/// the boot differs) and the store file (device, inode and birth time: a store replaced under its name
/// starts a new log). Then one record per commit: the file change counter the commit left in the store's
/// header, the page size, the first 512-byte block a truncation removed (if any), the pages written and a
/// checksum. Records are appended while the writer still holds SQLite's EXCLUSIVE lock, and read or
/// rewritten while the publisher holds a SHARED one, so neither ever sees the other half done. A log
/// that is missing, damaged, of another boot or store, or that lacks a record for any counter the
/// publisher needs makes the publisher compare every page as before: the log can only save work.
/// </summary>
internal static class PageLog
{
    public const string Suffix = "-pages";

    /// <summary>The unit of <see cref="Entry.TruncatedFrom"/>.</summary>
    public const int Block = 512;
    private const int HeaderLength = 48;
    private const uint RecordMark = 0x52474C50;
    private const int RecordFixed = 20;
    private static ReadOnlySpan<byte> Magic => "CPVPGS01"u8;

    /// <summary>One commit: the counter it left, its page size, the first 512-byte block truncated away (<see cref="uint.MaxValue"/> for none) and the pages it wrote.</summary>
    public readonly record struct Entry(uint Counter, uint PageSize, uint TruncatedFrom, uint[] Pages)
    {
        /// <summary>Whether this is the publisher's mark that a whole generation of state <see cref="Counter"/> was published (no commit records one: each wrote something).</summary>
        public bool IsPublished => PageSize == 0 && TruncatedFrom == uint.MaxValue && Pages.Length == 0;

        public static Entry Published(uint counter) => new(counter, 0, uint.MaxValue, []);
    }

    public static string PathOf(string store) => store + Suffix;

    /// <summary>Appends one record, starting a new log when the present one is of another boot or store. False when it could not be written whole.</summary>
    public static bool Append(string store, Entry entry)
    {
        if (Stamp(store) is not { } stamp)
            return false;
        using var file = Libc.OpenPrivateFile(PathOf(store), create: true);
        if (file is null)
            return false;
        var length = RandomAccess.GetLength(file);
        Span<byte> header = stackalloc byte[HeaderLength];
        var fresh = length < HeaderLength || RandomAccess.Read(file, header, 0) != HeaderLength || !header.SequenceEqual(stamp);
        var record = Encode(entry);
        try
        {
            if (fresh)
            {
                RandomAccess.SetLength(file, 0);
                var whole = new byte[HeaderLength + record.Length];
                stamp.CopyTo(whole, 0);
                record.CopyTo(whole, HeaderLength);
                RandomAccess.Write(file, whole, 0);
            }
            else
            {
                RandomAccess.Write(file, record, length);
            }

            return true;
        }
        catch (IOException)
        {
            // A torn record makes the whole log unreadable, and a missing one leaves a gap: either way the
            // publisher compares every page next time.
            return false;
        }
    }

    /// <summary>Every record of the store's log, in the order written; null when the log is missing, damaged, or of another boot or store.</summary>
    public static List<Entry>? Read(string store)
    {
        if (Stamp(store) is not { } stamp)
            return null;
        byte[] bytes;
        using (var file = Libc.OpenPrivateFile(PathOf(store), create: false))
        {
            if (file is null)
                return null;
            var length = RandomAccess.GetLength(file);
            if (length < HeaderLength || length > 1L << 30)
                return null;
            bytes = new byte[length];
            if (RandomAccess.Read(file, bytes, 0) != length)
                return null;
        }

        if (!bytes.AsSpan(0, HeaderLength).SequenceEqual(stamp))
            return null;
        var entries = new List<Entry>();
        var at = HeaderLength;
        while (at < bytes.Length)
        {
            if (Decode(bytes.AsSpan(at), out var used) is not { } entry)
                return null;
            entries.Add(entry);
            at += used;
        }

        return entries;
    }

    /// <summary>Replaces the log with a fresh one of this boot holding <paramref name="kept"/>: renamed into place, so a crash leaves the old log or the new one.</summary>
    public static void Rewrite(string store, IEnumerable<Entry> kept)
    {
        if (Stamp(store) is not { } stamp)
            return;
        var path = PathOf(store);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using var content = new MemoryStream();
        content.Write(stamp);
        foreach (var entry in kept)
            content.Write(Encode(entry));
        try
        {
            // What a publish killed here before left (publishes are serialised, so none is being written).
            foreach (var left in Directory.EnumerateFiles(Path.GetDirectoryName(path) ?? "/", Path.GetFileName(path) + ".*.tmp"))
                Delete(left);
            using (var file = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
                file.Write(content.GetBuffer(), 0, (int)content.Length);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(temp);
            // A stale log left in place is harmless (the next publish finds what it lacks), a damaged one too.
        }
    }

    /// <summary>Removes the log (a change that cannot be recorded, or a store re-created).</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The header a log of this boot and this store file starts with; null when either cannot be known.</summary>
    private static byte[]? Stamp(string store)
    {
        if (Libc.Identity(store) is not { } identity)
            return null;
        Guid boot;
        try
        {
            if (!Guid.TryParse(File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(), out boot))
                return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var stamp = new byte[HeaderLength];
        Magic.CopyTo(stamp);
        boot.TryWriteBytes(stamp.AsSpan(8, 16));
        BinaryPrimitives.WriteUInt64LittleEndian(stamp.AsSpan(24), identity.Device);
        BinaryPrimitives.WriteUInt64LittleEndian(stamp.AsSpan(32), identity.Inode);
        BinaryPrimitives.WriteInt64LittleEndian(stamp.AsSpan(40), identity.Birth);
        return stamp;
    }

    private static byte[] Encode(Entry entry)
    {
        var record = new byte[RecordFixed + (4 * entry.Pages.Length) + 4];
        var span = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, RecordMark);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], entry.Counter);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], entry.PageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], entry.TruncatedFrom);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)entry.Pages.Length);
        for (var i = 0; i < entry.Pages.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(span[(RecordFixed + (4 * i))..], entry.Pages[i]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[^4..], Checksum(span[..^4]));
        return record;
    }

    private static Entry? Decode(ReadOnlySpan<byte> bytes, out int used)
    {
        used = 0;
        if (bytes.Length < RecordFixed + 4 || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != RecordMark)
            return null;
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        if (count > (bytes.Length - RecordFixed - 4) / 4)
            return null;
        var length = RecordFixed + ((int)count * 4) + 4;
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[(length - 4)..]) != Checksum(bytes[..(length - 4)]))
            return null;
        var pages = new uint[count];
        for (var i = 0; i < pages.Length; i++)
            pages[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(RecordFixed + (4 * i))..]);
        used = length;
        return new Entry(BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]), pages);
    }

    /// <summary>FNV-1a: enough to tell a whole record from a torn or foreign one.</summary>
    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
            hash = (hash ^ b) * 16777619u;
        return hash;
    }
}
