using System.Buffers.Binary;

namespace Cpvendor.Core.Paths;

/// <summary>
/// Who other than root a POSIX access ACL lets write a file (the <c>system.posix_acl_access</c>
/// attribute: a little-endian header <c>u32 version = 2</c>, then entries <c>u16 tag, u16 perm, u32 id</c>).
/// With an ACL the mode's group bits show the mask, not the owning group's right, so the mode alone
/// cannot tell: a named user's or group's entry grants what it says as far as the mask allows, and so
/// does the owning group's. The owner's entry is the owner's (root, checked apart) and the others'
/// entry is the mode's other bits (checked apart). An entry for uid or gid 0 is root's. An attribute
/// that cannot be parsed is judged writable by someone: trust is never given on a guess.
/// </summary>
public static class AclWriters
{
    public const string AccessAttribute = "system.posix_acl_access";

    private const uint Version = 2;
    private const ushort UserObj = 0x01;
    private const ushort User = 0x02;
    private const ushort GroupObj = 0x04;
    private const ushort Group = 0x08;
    private const ushort Mask = 0x10;
    private const ushort Other = 0x20;
    private const ushort Write = 0x02;

    /// <summary>
    /// Null when the ACL <paramref name="acl"/> (empty: none) of a root-owned file whose group is
    /// <paramref name="gid"/> lets nobody but root write it; otherwise who it lets write.
    /// </summary>
    public static string? Describe(ReadOnlySpan<byte> acl, uint gid)
    {
        if (acl.IsEmpty)
            return null;
        if (acl.Length < 4 || (acl.Length - 4) % 8 != 0 || BinaryPrimitives.ReadUInt32LittleEndian(acl) != Version)
            return "an access ACL that cannot be read";
        var entries = acl[4..];
        var maskWrites = true; // without a mask entry (only the three base entries) nothing is masked
        for (var at = 0; at < entries.Length; at += 8)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(entries[at..]) == Mask)
                maskWrites = (BinaryPrimitives.ReadUInt16LittleEndian(entries[(at + 2)..]) & Write) != 0;
        }

        for (var at = 0; at < entries.Length; at += 8)
        {
            var tag = BinaryPrimitives.ReadUInt16LittleEndian(entries[at..]);
            var writes = (BinaryPrimitives.ReadUInt16LittleEndian(entries[(at + 2)..]) & Write) != 0 && maskWrites;
            var id = BinaryPrimitives.ReadUInt32LittleEndian(entries[(at + 4)..]);
            switch (tag)
            {
                case User when writes && id != 0:
                    return $"writable by uid {id} through its ACL";
                case Group when writes && id != 0:
                    return $"writable by group {id} through its ACL";
                case GroupObj when writes && gid != 0:
                    return $"writable by group {gid} through its ACL";
                case UserObj or User or GroupObj or Group or Mask or Other:
                    break;
                default:
                    return $"an access ACL with an unknown entry {tag:x}";
            }
        }

        return null;
    }
}
