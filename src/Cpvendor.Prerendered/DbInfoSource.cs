using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// What root's db_info answer was rendered from besides the generation: the credential file, by its
/// length and <see cref="Fnv"/> hash (no bytes for a credential file that does not exist). The answer
/// is served only while the credential file still has exactly those bytes.
/// </summary>
public static class DbInfoSource
{
    /// <summary>The stamp of the credential file at <paramref name="path"/> now; null when it exists but cannot be read whole.</summary>
    public static byte[]? Stamp(string path)
    {
        if (Native.Stat(path) is null)
            return [];
        if (Native.ReadAll(path, StampedAnswers.MaxBytes) is not { } secret)
            return null;
        var stamp = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(stamp, secret.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(stamp.AsSpan(8), Fnv.Hash(secret));
        return stamp;
    }
}
