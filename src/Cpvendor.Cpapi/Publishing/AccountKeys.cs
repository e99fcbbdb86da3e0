using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The key files of sealed account answers (<see cref="SealedAccounts"/>): an empty
/// <c>DATA/users/UID.key</c> per uid with an account, with the owner, group, mode and ACL its
/// <c>UID.user</c> would have, and 16 random bytes in its attribute. A key is kept while its file is
/// exactly what this publish would write; any other file (missing, or its owner, group or mode
/// changed, so someone else may have read it) gets a new key, and every record sealed with the old
/// one is sealed again by the same publish.
/// </summary>
internal sealed class AccountKeys(InstallConfig config, AnswerFileAccess? access, AtomicFileBatch batch)
{
    private const UnixFileMode OwnKeyMode = FileModes.OwnerReadOnly; // 0400, when not published by root

    /// <summary>The key of <paramref name="uid"/>: the one its file holds when the file is as it should be, else a new one written into the batch.</summary>
    public byte[] Ensure(uint uid)
    {
        var path = SealedAccounts.KeyFile(config, uid);
        // Not root (a publisher reading its own install): its own file, 0400.
        var (owner, group, mode, acl) = access is null ? (0u, 0u, OwnKeyMode, false) : access.Of(uid);
        if (Libc.Owner(path) is { } status && status.Mode == mode && (access is null || (status.Uid == owner && status.Gid == group))
            && new FileInfo(path).Length == 0 && Libc.LinkAttribute(path, SealedAccounts.KeyAttribute) is { Length: SealedBucket.KeyLength } kept)
        {
            return kept;
        }

        var key = Libc.RandomBytes(SealedBucket.KeyLength);
        batch.Write(path, [], mode, access is null ? null : owner, access is null ? null : group, temp =>
        {
            if (acl && !Libc.GrantUserRead(temp, uid))
                throw new IOException($"{temp}: the file system stopped accepting ACLs");
            if (!Libc.SetLinkAttribute(temp, SealedAccounts.KeyAttribute, key))
                throw new IOException($"{temp}: the file system stopped keeping extended attributes");
        });
        return key;
    }
}
