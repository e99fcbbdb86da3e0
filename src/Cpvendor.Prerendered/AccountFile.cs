using System.Buffers.Binary;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Prerendered;

/// <summary>
/// What is published per UNIX id that has an account: the data the full binary answers that caller
/// from, and the two answers the small binary serves them, rendered from that data by the same
/// publish and written with it at once, so no stamp ties them and no crash can leave one without the
/// other. It is sealed into a shared bucket under the uid's key (<see cref="SealedAccounts"/>), or,
/// where the file system keeps no extended attributes for keys, a file of its own
/// (<c>DATA/users/UID.user</c>, readable by that uid alone). Layout: the magic <c>CPVUSER1</c>, then a
/// <see cref="SectionTable"/> of exactly three sections: the data (JSON), <c>domains</c>, and
/// <c>domains --with-php</c>. Its user may be able to rewrite it (docs/security.md) and in
/// privileged mode root reads it for them, so it is read as hostile input: bounded, every length
/// checked, and a file whose data exceeds <see cref="MaxDataBytes"/> is not answered from.
/// </summary>
public static class AccountFile
{
    public const int Data = 0;
    public const int Domains = 1;
    public const int DomainsWithPhp = 2;

    /// <summary>Where the data section starts: the magic, the count and the three lengths.</summary>
    public const int HeaderLength = 8 + 8 + (Sections * 8);

    /// <summary>The most the small binary reads of the file; a larger file sends the call to the full path.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The most the data may hold: the full binary fails closed on more, so no answer is served from such a file either.</summary>
    public const int MaxDataBytes = 16 * 1024 * 1024;

    private const int Sections = 3;
    private const int TableAt = 8;

    private static ReadOnlySpan<byte> Magic => "CPVUSER1"u8;

    public static byte[] Build(byte[] data, byte[] domains, byte[] domainsWithPhp)
    {
        byte[][] sections = [data, domains, domainsWithPhp];
        var bytes = new byte[TableAt + SectionTable.Length(sections)];
        Magic.CopyTo(bytes);
        SectionTable.Write(bytes.AsSpan(TableAt), sections);
        return bytes;
    }

    /// <summary>
    /// The length of the data section from the first <see cref="HeaderLength"/> bytes of a file;
    /// null when they are not this layout. The data starts at <see cref="HeaderLength"/>.
    /// </summary>
    public static long? DataLength(ReadOnlySpan<byte> start)
    {
        if (start.Length < HeaderLength || !start.StartsWith(Magic) || BinaryPrimitives.ReadInt32LittleEndian(start[TableAt..]) != Sections)
            return null;
        var length = BinaryPrimitives.ReadInt64LittleEndian(start[(TableAt + 8)..]);
        return length >= 0 ? length : null;
    }

    /// <summary>
    /// Whether a file of <paramref name="uid"/> owned by <paramref name="owner"/> may answer: root
    /// writes these files, or, on a host with neither private groups nor ACLs, hands them to their
    /// uid; a reader that is neither (a publisher and reader of a non-root install) reads its own.
    /// Any other owner did not come from a publish, and in privileged mode root would otherwise
    /// read it for the caller: it answers nothing.
    /// </summary>
    public static bool MayAnswer(uint owner, uint uid) => owner == 0 || owner == uid || owner == Libc.GetEuid();

    /// <summary>
    /// Answer <paramref name="section"/> of <paramref name="uid"/>'s account, sealed or in a file of
    /// its own; null for any doubt (see <see cref="TryRead"/>, and a key or record that does not open).
    /// </summary>
    public static ReadOnlyMemory<byte>? TryAnswer(InstallConfig config, uint uid, int section)
    {
        ArgumentNullException.ThrowIfNull(config);
        return SealedAccounts.Read(config, uid, out var image) switch
        {
            SealedLookup.Found when DataLength(image) is (>= 0 and <= MaxDataBytes) => SectionTable.Find(image!, TableAt, section),
            SealedLookup.NoKey or SealedLookup.NoRecord => TryRead(config.UserFile(uid), uid, section),
            _ => null,
        };
    }

    /// <summary>
    /// Answer <paramref name="section"/> of <paramref name="uid"/>'s file at <paramref name="path"/>,
    /// read whole through one descriptor; null for any doubt (missing, unreadable, too large, owned
    /// by another uid (<see cref="MayAnswer"/>), not this layout, a length that does not fit, data
    /// past <see cref="MaxDataBytes"/>).
    /// </summary>
    public static ReadOnlyMemory<byte>? TryRead(string path, uint uid, int section)
    {
        if (Native.ReadAll(path, MaxBytes, owner => MayAnswer(owner, uid)) is not { } bytes || DataLength(bytes) is not (>= 0 and <= MaxDataBytes))
            return null;
        return SectionTable.Find(bytes, TableAt, section);
    }
}
