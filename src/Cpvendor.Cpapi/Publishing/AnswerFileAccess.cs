using Cpvendor.Core.Native;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Who may read a per-user answer file, and how (docs/security.md, "answer files"). The file is
/// always written by root and never writable by its user, so neither the CloudLinux tools that run for
/// that user nor root in privileged mode can be handed a file the user wrote:
/// <list type="bullet">
/// <item>a host with user private groups (the uid's primary group carries the account's name, lists no
/// other member, is no other account's primary group and shares its gid with no other group):
/// <c>0440 root:GROUP</c>;</item>
/// <item>otherwise, on a file system with POSIX ACLs: <c>0440 root:root</c> plus <c>user:UID:r</c>;</item>
/// <item>neither (no such group, no ACL support): <c>0400</c> owned by the uid, the old way, which
/// <c>cpvendor doctor</c> reports as an error because the user can then rewrite it.</item>
/// </list>
/// </summary>
internal sealed class AnswerFileAccess
{
    public const UnixFileMode RootWritten = (UnixFileMode)0b100_100_000; // 0440
    public const UnixFileMode UserOwned = UnixFileMode.UserRead; // 0400

    private readonly PrivateGroupMap privateGroups;
    private readonly bool aclSupported;

    private AnswerFileAccess(PrivateGroupMap privateGroups, bool aclSupported)
    {
        this.privateGroups = privateGroups;
        this.aclSupported = aclSupported;
    }

    /// <summary>
    /// Which uids have a private group, and whether the folder's file system takes ACLs
    /// (<paramref name="features"/>). The private groups come from the whole account database, read
    /// once; as root, the map is kept in <paramref name="cache"/> (a private file of root's beside the
    /// store) with the database's <see cref="AccountDatabaseVersion"/>, and read from there while that
    /// version holds, so a change on a host of many accounts costs a few stats, not an enumeration of
    /// every account and group.
    /// </summary>
    public static AnswerFileAccess For(FolderFeatures features, string? cache)
    {
        var version = cache is null ? null : AccountDatabaseVersion.Current();
        if (version is not null && PrivateGroupCache.Read(cache!, version) is { } cached)
            return new AnswerFileAccess(cached, features.Acl);
        var groups = PrivateGroupMap.Of(PrivateGroups());
        if (version is not null)
            PrivateGroupCache.Write(cache!, version, groups);
        return new AnswerFileAccess(groups, features.Acl);
    }

    private static Dictionary<uint, uint> PrivateGroups()
    {
        var accounts = Libc.AllAccounts();
        var groups = Libc.AllGroups();
        var primaryUsers = new Dictionary<uint, int>();
        foreach (var (_, _, gid, _) in accounts)
            primaryUsers[gid] = primaryUsers.GetValueOrDefault(gid) + 1;
        // Every group of each gid: a second group sharing the gid (groupadd -o) gives its members the
        // same access, so the gid is private only when one group name holds it.
        var groupsById = groups.ToLookup(g => g.Gid);

        var result = new Dictionary<uint, uint>();
        foreach (var (name, uid, gid, _) in accounts)
        {
            if (result.ContainsKey(uid) || uid == 0 || gid == 0)
                continue;
            var sharing = groupsById[gid].ToList();
            if (sharing.Count > 0 && sharing.All(g => g.Name == name && g.Members.All(m => m == name)) && primaryUsers[gid] == 1)
                result[uid] = gid;
        }

        return result;
    }

    /// <summary>Owner, group and mode of the file of <paramref name="uid"/>, and whether it needs the ACL.</summary>
    public (uint Owner, uint Group, UnixFileMode Mode, bool Acl) Of(uint uid)
    {
        if (privateGroups.TryGet(uid, out var gid))
            return (0, gid, RootWritten, false);
        if (aclSupported)
            return (0, 0, RootWritten, true);
        return (uid, 0, UserOwned, false);
    }
}
