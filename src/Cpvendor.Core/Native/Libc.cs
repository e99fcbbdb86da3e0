using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

/// <summary>The few libc calls cpvendor needs: identity from the kernel, ownership, raw descriptors.</summary>
public static unsafe partial class Libc
{
    [LibraryImport("libc", EntryPoint = "getuid")]
    private static partial uint GetUidRaw();

    public static uint GetUid() => GetUidRaw();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuidRaw();

    public static uint GetEuid() => GetEuidRaw();

    [LibraryImport("libc", EntryPoint = "getgid")]
    private static partial uint GetGidRaw();

    public static uint GetGid() => GetGidRaw();

    [LibraryImport("libc", EntryPoint = "getegid")]
    private static partial uint GetEgidRaw();

    public static uint GetEgid() => GetEgidRaw();

    [LibraryImport("libc", EntryPoint = "getgroups", SetLastError = true)]
    private static partial int GetGroupsRaw(int size, uint* list);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int ChownRaw(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LchownRaw(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenRaw(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static partial int Dup2Raw(int oldFd, int newFd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int CloseRaw(int fd);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteRaw(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "getgrnam")]
    private static partial GroupEntry* GetGrNamRaw([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [LibraryImport("libc", EntryPoint = "getpwnam")]
    private static partial PasswdEntry* GetPwNamRaw([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    [LibraryImport("libc", EntryPoint = "getpwuid")]
    private static partial PasswdEntry* GetPwUidRaw(uint uid);

    [LibraryImport("libc", EntryPoint = "getgrouplist")]
    private static partial int GetGroupListRaw([MarshalAs(UnmanagedType.LPUTF8Str)] string user, uint group, uint* groups, int* count);

    [StructLayout(LayoutKind.Sequential)]
    private struct GroupEntry
    {
        public byte* Name;
        public byte* Password;
        public uint Gid;
        public byte** Members;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PasswdEntry
    {
        public byte* Name;
        public byte* Password;
        public uint Uid;
        public uint Gid;
        public byte* Gecos;
        public byte* Dir;
        public byte* Shell;
    }

    /// <summary>The supplementary groups of this process plus its real and effective group.</summary>
    public static IReadOnlyList<uint> ProcessGroups()
    {
        var count = GetGroupsRaw(0, null);
        var groups = new uint[Math.Max(count, 0) + 2];
        fixed (uint* p = groups)
        {
            count = GetGroupsRaw(groups.Length - 2, p);
        }

        groups[Math.Max(count, 0)] = GetGid();
        groups[Math.Max(count, 0) + 1] = GetEgid();
        return groups.AsSpan(0, Math.Max(count, 0) + 2).ToArray();
    }

    /// <summary>The groups the account database gives a user (for identities not taken from this process).</summary>
    public static IReadOnlyList<uint> AccountGroups(string user, uint primaryGid)
    {
        var count = 64;
        while (true)
        {
            var groups = new uint[count];
            int n = count;
            int rc;
            fixed (uint* p = groups)
            {
                rc = GetGroupListRaw(user, primaryGid, p, &n);
            }

            if (rc >= 0)
                return groups.AsSpan(0, n).ToArray();
            count = Math.Max(n, count * 2);
        }
    }

    public static uint? GroupId(string name)
    {
        var entry = GetGrNamRaw(name);
        return entry == null ? null : entry->Gid;
    }

    public static (uint Uid, uint Gid, string Home)? Account(string name)
    {
        var entry = GetPwNamRaw(name);
        return entry == null ? null : (entry->Uid, entry->Gid, Marshal.PtrToStringUTF8((nint)entry->Dir) ?? "");
    }

    public static (string Name, uint Gid)? AccountById(uint uid)
    {
        var entry = GetPwUidRaw(uid);
        return entry == null ? null : (Marshal.PtrToStringUTF8((nint)entry->Name) ?? "", entry->Gid);
    }

    public static void Chown(string path, uint owner, uint group)
    {
        if (ChownRaw(path, owner, group) != 0)
            throw new IOException($"chown {path}: errno {Marshal.GetLastPInvokeError()}");
    }

    public static void Lchown(string path, uint owner, uint group)
    {
        if (LchownRaw(path, owner, group) != 0)
            throw new IOException($"lchown {path}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Points a descriptor at /dev/null (used to make stderr silent for good).</summary>
    public static void SilenceDescriptor(int fd)
    {
        const int O_WRONLY = 1;
        var nul = OpenRaw("/dev/null", O_WRONLY, 0);
        if (nul < 0)
            return;
        _ = Dup2Raw(nul, fd);
        if (nul != fd)
            _ = CloseRaw(nul);
    }

    /// <summary>Writes all of <paramref name="data"/> to a descriptor, retrying short writes.</summary>
    public static bool WriteAll(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var p = start;
            nint left = data.Length;
            while (left > 0)
            {
                var n = WriteRaw(fd, p, left);
                if (n < 0)
                {
                    if (Marshal.GetLastPInvokeError() == 4)
                        continue;
                    return false;
                }

                p += n;
                left -= n;
            }
        }

        return true;
    }
}
