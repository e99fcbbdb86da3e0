using System.Buffers.Binary;

namespace Cpvendor.Prerendered.Sealing;

/// <summary>
/// One file of sealed account answers, <c>DATA/users/XXX.sealed</c>: the <see cref="AccountFile"/>
/// of every uid whose number modulo <see cref="Count"/> is XXX (three hex digits), each encrypted
/// with its uid's own key (<see cref="SealedAccounts"/>). The file is public; what it shows of a
/// record is its uid and its length to <see cref="Padding"/> bytes.
/// Layout, little-endian: the magic <c>CPVSEAL1</c>; the number of records (32-bit) and 4 bytes of
/// zeros; per record, ascending by uid, its uid (32-bit), length (32-bit) and offset (64-bit); then
/// the records. A record is a 12-byte nonce, 16 bytes of check (block 0 of the key stream: a key
/// that is not the one sealed with is told, never used to print noise), and the sealed body from
/// block 1: the image's length (32-bit) and the image, zero-padded to a multiple of <see cref="Padding"/>.
/// Its writer is root; its readers still check every length against the bytes that hold it.
/// </summary>
public static class SealedBucket
{
    /// <summary>How many bucket files the uids are spread over.</summary>
    public const int Count = 4096;

    /// <summary>The key of an uid: 16 random bytes, taken twice as the cipher's 32-byte key.</summary>
    public const int KeyLength = 16;

    /// <summary>Bodies are padded to a multiple of this, so a record's length says little of its answers.</summary>
    public const int Padding = 256;

    public const string Extension = ".sealed";

    private const int CheckLength = 16;
    private const int RecordHead = ChaCha20.NonceLength + CheckLength;
    private const int HeaderLength = 16;
    private const int EntryLength = 16;

    private static ReadOnlySpan<byte> Magic => "CPVSEAL1"u8;

    public static int Of(uint uid) => (int)(uid % Count);

    /// <summary>The file name of bucket <paramref name="bucket"/>: three hex digits and <see cref="Extension"/>.</summary>
    public static string FileName(int bucket) => bucket.ToString("x3", System.Globalization.CultureInfo.InvariantCulture) + Extension;

    /// <summary>Seals <paramref name="image"/> with <paramref name="key"/> under a <paramref name="nonce"/> never used with that key before.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> image)
    {
        var body = (4 + image.Length + Padding - 1) / Padding * Padding;
        var record = new byte[RecordHead + body];
        nonce.CopyTo(record);
        Span<byte> cipherKey = stackalloc byte[ChaCha20.KeyLength];
        Expand(key, cipherKey);
        Span<byte> block = stackalloc byte[ChaCha20.BlockLength];
        ChaCha20.Block(cipherKey, nonce, 0, block);
        block[..CheckLength].CopyTo(record.AsSpan(ChaCha20.NonceLength));
        var sealedBody = record.AsSpan(RecordHead);
        BinaryPrimitives.WriteInt32LittleEndian(sealedBody, image.Length);
        image.CopyTo(sealedBody[4..]);
        ChaCha20.Xor(cipherKey, nonce, 1, sealedBody);
        return record;
    }

    /// <summary>The image sealed in <paramref name="record"/>; null when <paramref name="key"/> is not its key or the record does not hold together.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> record, ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength || record.Length < RecordHead + Padding || (record.Length - RecordHead) % Padding != 0)
            return null;
        var nonce = record[..ChaCha20.NonceLength];
        Span<byte> cipherKey = stackalloc byte[ChaCha20.KeyLength];
        Expand(key, cipherKey);
        Span<byte> block = stackalloc byte[ChaCha20.BlockLength];
        ChaCha20.Block(cipherKey, nonce, 0, block);
        if (!block[..CheckLength].SequenceEqual(record.Slice(ChaCha20.NonceLength, CheckLength)))
            return null;
        var body = record[RecordHead..].ToArray();
        ChaCha20.Xor(cipherKey, nonce, 1, body);
        var length = BinaryPrimitives.ReadInt32LittleEndian(body);
        return length >= 0 && length <= body.Length - 4 ? body.AsSpan(4, length).ToArray() : null;
    }

    /// <summary>
    /// The record of <paramref name="uid"/> in <paramref name="bucket"/>: true with an empty range
    /// when the bucket has none; false when the bucket does not hold together.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> bucket, uint uid, out Range record)
    {
        record = default;
        if (!TryCount(bucket, out var count))
            return false;
        int low = 0, high = count - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var entry = bucket[(HeaderLength + (middle * EntryLength))..];
            var at = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            if (at < uid)
            {
                low = middle + 1;
            }
            else if (at > uid)
            {
                high = middle - 1;
            }
            else
            {
                return TryRange(bucket, entry, count, out record);
            }
        }

        return true;
    }

    /// <summary>Every record of <paramref name="bucket"/> by uid; null when it does not hold together.</summary>
    public static SortedDictionary<uint, byte[]>? ReadAll(ReadOnlySpan<byte> bucket)
    {
        if (!TryCount(bucket, out var count))
            return null;
        var records = new SortedDictionary<uint, byte[]>();
        for (var i = 0; i < count; i++)
        {
            var entry = bucket[(HeaderLength + (i * EntryLength))..];
            if (!TryRange(bucket, entry, count, out var range) || !records.TryAdd(BinaryPrimitives.ReadUInt32LittleEndian(entry), bucket[range].ToArray()))
                return null;
        }

        return records;
    }

    /// <summary>The bucket file of <paramref name="records"/>.</summary>
    public static byte[] Build(SortedDictionary<uint, byte[]> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var length = HeaderLength + (records.Count * EntryLength) + records.Values.Sum(r => (long)r.Length);
        var bytes = new byte[length];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), records.Count);
        var entry = HeaderLength;
        long at = HeaderLength + (records.Count * EntryLength);
        foreach (var (uid, record) in records)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(entry), uid);
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(entry + 4), record.Length);
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(entry + 8), at);
            record.CopyTo(bytes.AsSpan((int)at));
            entry += EntryLength;
            at += record.Length;
        }

        return bytes;
    }

    private static bool TryCount(ReadOnlySpan<byte> bucket, out int count)
    {
        count = bucket.Length < HeaderLength || !bucket.StartsWith(Magic) ? -1 : BinaryPrimitives.ReadInt32LittleEndian(bucket[8..]);
        return count >= 0 && count <= (bucket.Length - HeaderLength) / EntryLength;
    }

    private static bool TryRange(ReadOnlySpan<byte> bucket, ReadOnlySpan<byte> entry, int count, out Range range)
    {
        range = default;
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry[4..]);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
        if (length < RecordHead || offset < HeaderLength + ((long)count * EntryLength) || offset > bucket.Length - length)
            return false;
        range = new Range((int)offset, (int)offset + length);
        return true;
    }

    /// <summary>The cipher's 32-byte key: the uid's 16-byte key twice (128 bits of key, kept within an inode's spare room).</summary>
    private static void Expand(ReadOnlySpan<byte> key, Span<byte> cipherKey)
    {
        key.CopyTo(cipherKey);
        key.CopyTo(cipherKey[KeyLength..]);
    }
}
