using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Prerendered.Sealing;

/// <summary>What <see cref="SealedAccounts.Read"/> found for an uid.</summary>
public enum SealedLookup
{
    /// <summary>No key file: the uid has no sealed account (it may have a <c>UID.user</c> of its own).</summary>
    NoKey,

    /// <summary>
    /// A key but no record: no account, or a publish between writing the key and the bucket (the
    /// uid's file of its own, if an older publish left one, still answers until then).
    /// </summary>
    NoRecord,

    /// <summary>Something that no publish left: a key or bucket of another owner, a record the key does not open.</summary>
    Damaged,

    Found,
}

/// <summary>
/// The account answers of an uid, sealed: its <see cref="AccountFile"/> image lives in a public
/// bucket file shared with other uids (<see cref="SealedBucket"/>), encrypted with a key only that
/// uid can read: the extended attribute <see cref="KeyAttribute"/> of an empty file
/// <c>DATA/users/UID.key</c> that has exactly the owner, group, mode and ACL a <c>UID.user</c>
/// would have (docs/security.md). An empty file with a 16-byte attribute takes an inode and no
/// block, where a file of its own took a 4 KB block per account.
/// </summary>
public static class SealedAccounts
{
    /// <summary>The extended attribute of <c>UID.key</c> holding the uid's key.</summary>
    public const string KeyAttribute = "user.cpvendor";

    public const string KeyExtension = ".key";

    public static string KeyFile(InstallConfig config, uint uid)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(config.UsersDir, uid.ToString(CultureInfo.InvariantCulture) + KeyExtension);
    }

    public static string BucketFile(InstallConfig config, int bucket)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(config.UsersDir, SealedBucket.FileName(bucket));
    }

    /// <summary>
    /// Whether a bucket file's owner may have written it: root, or the publisher of a non-root install
    /// reading its own. Its uids never own one, since it holds others' records.
    /// </summary>
    public static bool MayHoldBucket(uint owner) => owner == 0 || owner == Libc.GetEuid();

    /// <summary>
    /// Reads the key of <paramref name="uid"/>, then opens its record: the image in
    /// <paramref name="image"/> when <see cref="SealedLookup.Found"/>. The key file is judged by
    /// <see cref="AccountFile.MayAnswer"/>, as a <c>UID.user</c> is; the bucket by <see cref="MayHoldBucket"/>.
    /// </summary>
    public static SealedLookup Read(InstallConfig config, uint uid, out byte[]? image)
    {
        image = null;
        Span<byte> key = stackalloc byte[SealedBucket.KeyLength];
        switch (Native.ReadAttribute(KeyFile(config, uid), KeyAttribute, key, owner => AccountFile.MayAnswer(owner, uid)))
        {
            case 0:
                return SealedLookup.NoKey;
            case < 0:
                return SealedLookup.Damaged;
        }

        var path = BucketFile(config, SealedBucket.Of(uid));
        if (Native.ReadAll(path, AccountFile.MaxBytes, MayHoldBucket) is not { } bucket)
            return Native.Stat(path) is null ? SealedLookup.NoRecord : SealedLookup.Damaged;
        if (!SealedBucket.TryFind(bucket, uid, out var record))
            return SealedLookup.Damaged;
        if (record.Equals(default(Range)))
            return SealedLookup.NoRecord;
        image = SealedBucket.Open(bucket.AsSpan()[record], key);
        return image is null ? SealedLookup.Damaged : SealedLookup.Found;
    }
}
