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

    private readonly Dictionary<uint, uint> privateGroups;
    private readonly bool aclSupported;

    private AnswerFileAccess(Dictionary<uint, uint> privateGroups, bool aclSupported)
    {
        this.privateGroups = privateGroups;
        this.aclSupported = aclSupported;
    }

    /// <summary>Reads the account database once and probes the folder's file system for ACLs.</summary>
    public static AnswerFileAccess For(string folder)
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

        return new AnswerFileAccess(result, ProbeAcl(folder));
    }

    /// <summary>Owner, group and mode of the file of <paramref name="uid"/>, and whether it needs the ACL.</summary>
    public (uint Owner, uint Group, UnixFileMode Mode, bool Acl) Of(uint uid)
    {
        if (privateGroups.TryGetValue(uid, out var gid))
            return (0, gid, RootWritten, false);
        if (aclSupported)
            return (0, 0, RootWritten, true);
        return (uid, 0, UserOwned, false);
    }

    private static bool ProbeAcl(string folder)
    {
        var probe = Path.Combine(folder, $".acl-probe.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (new FileStream(probe, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead }))
            {
            }

            return Libc.GrantUserRead(probe, 65534);
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
