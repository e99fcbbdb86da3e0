using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>Enumerating the account database once (for decisions about thousands of uids) and POSIX ACLs.</summary>
public static unsafe partial class Libc
{
    private const int ErrNotSupported = 95; // EOPNOTSUPP

    [LibraryImport("libc", EntryPoint = "setpwent")]
    private static partial void SetPwEntRaw();

    [LibraryImport("libc", EntryPoint = "getpwent")]
    private static partial PasswdEntry* GetPwEntRaw();

    [LibraryImport("libc", EntryPoint = "endpwent")]
    private static partial void EndPwEntRaw();

    [LibraryImport("libc", EntryPoint = "setgrent")]
    private static partial void SetGrEntRaw();

    [LibraryImport("libc", EntryPoint = "getgrent")]
    private static partial GroupEntry* GetGrEntRaw();

    [LibraryImport("libc", EntryPoint = "endgrent")]
    private static partial void EndGrEntRaw();

    /// <summary>Every account the account database enumerates: name, uid, primary gid and home folder.</summary>
    public static IReadOnlyList<(string Name, uint Uid, uint Gid, string Home)> AllAccounts()
    {
        var accounts = new List<(string, uint, uint, string)>();
        SetPwEntRaw();
        try
        {
            PasswdEntry* entry;
            while ((entry = GetPwEntRaw()) != null)
                accounts.Add((Marshal.PtrToStringUTF8((nint)entry->Name) ?? "", entry->Uid, entry->Gid, Marshal.PtrToStringUTF8((nint)entry->Dir) ?? ""));
        }
        finally
        {
            EndPwEntRaw();
        }

        return accounts;
    }

    /// <summary>
    /// The accounts of the database whose home, less trailing slashes, and <paramref name="home"/> are
    /// the same path or one is a byte prefix of the other: every account whose home is, contains or lies
    /// inside <paramref name="home"/>, and a few more (<c>/home/a</c> for <c>/home/ab</c>), for the
    /// caller's exact test. One pass of the database with the homes compared where libc keeps them,
    /// so a host of many accounts costs no string per account.
    /// </summary>
    public static IReadOnlyList<(string Name, uint Uid, string Home)> AccountsWithHomeNear(string home)
    {
        ArgumentNullException.ThrowIfNull(home);
        var wanted = System.Text.Encoding.UTF8.GetBytes(home);
        var near = new List<(string, uint, string)>();
        SetPwEntRaw();
        try
        {
            PasswdEntry* entry;
            while ((entry = GetPwEntRaw()) != null)
            {
                if (entry->Dir == null)
                    continue;
                var dir = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry->Dir);
                var trimmed = dir.TrimEnd((byte)'/');
                var shorter = Math.Min(trimmed.Length, wanted.Length);
                if (trimmed.Length > 0 && trimmed[..shorter].SequenceEqual(wanted.AsSpan(0, shorter)))
                    near.Add((Marshal.PtrToStringUTF8((nint)entry->Name) ?? "", entry->Uid, Marshal.PtrToStringUTF8((nint)entry->Dir) ?? ""));
            }
        }
        finally
        {
            EndPwEntRaw();
        }

        return near;
    }

    /// <summary>Every group the account database enumerates: name, gid and listed members.</summary>
    public static IReadOnlyList<(string Name, uint Gid, IReadOnlyList<string> Members)> AllGroups()
    {
        var groups = new List<(string, uint, IReadOnlyList<string>)>();
        SetGrEntRaw();
        try
        {
            GroupEntry* entry;
            while ((entry = GetGrEntRaw()) != null)
            {
                var members = new List<string>();
                for (var m = entry->Members; m != null && *m != null; m++)
                    members.Add(Marshal.PtrToStringUTF8((nint)(*m)) ?? "");
                groups.Add((Marshal.PtrToStringUTF8((nint)entry->Name) ?? "", entry->Gid, members));
            }
        }
        finally
        {
            EndGrEntRaw();
        }

        return groups;
    }

    /// <summary>
    /// Gives a file the access ACL <c>user::r, user:UID:r, group::-, mask::r, other::-</c> (the
    /// <c>system.posix_acl_access</c> attribute, written directly; the link itself is never followed).
    /// False when the file system does not support ACLs; throws on any other failure.
    /// </summary>
    public static bool GrantUserRead(string path, uint uid)
    {
        // struct posix_acl_xattr_header { u32 version = 2 } then entries { u16 tag, u16 perm, u32 id },
        // little-endian, sorted by tag: USER_OBJ 1, USER 2, GROUP_OBJ 4, MASK 0x10, OTHER 0x20.
        const uint Undefined = uint.MaxValue;
        const ushort Read = 4;
        Span<byte> acl = stackalloc byte[4 + (5 * 8)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(acl, 2);
        var offset = 4;
        void Entry(Span<byte> buffer, ushort tag, ushort perm, uint id)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(buffer[offset..], tag);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(buffer[(offset + 2)..], perm);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer[(offset + 4)..], id);
            offset += 8;
        }

        Entry(acl, 0x01, Read, Undefined);
        Entry(acl, 0x02, Read, uid);
        Entry(acl, 0x04, 0, Undefined);
        Entry(acl, 0x10, Read, Undefined);
        Entry(acl, 0x20, 0, Undefined);
        return SetLinkAttribute(path, "system.posix_acl_access", acl);
    }
}
