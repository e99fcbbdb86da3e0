using System.Buffers.Binary;
using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The uid to private-gid map of <see cref="AnswerFileAccess"/> kept with the
/// <see cref="AccountDatabaseVersion"/> it was read at: <c>CPVPGRP1</c>, the version's length (u32)
/// and bytes, the number of pairs (u32), then each uid and gid (u32, little-endian, the host's order: the file never leaves it) in uid order. Trusted only as
/// a private file of root's with one name, opened without following a link
/// (<see cref="Libc.OpenPrivateFile"/>), whole and for the very version now current; anything else
/// is read as no cache, and the map is read from the database again.
/// </summary>
internal static class PrivateGroupCache
{
    private static ReadOnlySpan<byte> Magic => "CPVPGRP1"u8;

    /// <summary>Beside the store, in its folder only root can change.</summary>
    public static string PathOf(InstallConfig config) => config.Store + ".private-groups";

    public static PrivateGroupMap? Read(string path, string version)
    {
        try
        {
            using var file = Libc.OpenPrivateFile(path, create: false);
            if (file is null)
                return null;
            var length = RandomAccess.GetLength(file);
            if (length > int.MaxValue)
                return null;
            var bytes = new byte[length];
            if (RandomAccess.Read(file, bytes, 0) != bytes.Length)
                return null;
            return Parse(bytes, Encoding.UTF8.GetBytes(version));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Write(string path, string version, PrivateGroupMap groups)
    {
        var key = Encoding.UTF8.GetBytes(version);
        var bytes = new byte[Magic.Length + 4 + key.Length + 4 + (groups.Count * 8)];
        Magic.CopyTo(bytes);
        var at = Magic.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), (uint)key.Length);
        key.CopyTo(bytes.AsSpan(at + 4));
        at += 4 + key.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), (uint)groups.Count);
        at += 4;
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(groups.Pairs).CopyTo(bytes.AsSpan(at));

        try
        {
            SecureFile.WriteAtomic(path, bytes, FileModes.PrivateFile, 0, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only a saving: without the file the next publish reads the database again.
        }
    }

    private static PrivateGroupMap? Parse(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> key)
    {
        var head = Magic.Length + 4;
        if (bytes.Length < head || !bytes.StartsWith(Magic) || BinaryPrimitives.ReadUInt32LittleEndian(bytes[Magic.Length..]) != (uint)key.Length
            || bytes.Length < head + key.Length + 4 || !bytes.Slice(head, key.Length).SequenceEqual(key))
        {
            return null;
        }

        var pairs = bytes[(head + key.Length + 4)..];
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(head + key.Length)..]);
        if ((ulong)pairs.Length != count * 8UL)
            return null;
        return PrivateGroupMap.FromPairs(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(pairs).ToArray());
    }
}
