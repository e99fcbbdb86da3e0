using System.Runtime.InteropServices;

namespace Cpvendor.Bench.Native;

/// <summary>
/// The libc calls the timer needs: posix_spawn (no managed process machinery between the clock and
/// the child), pipes, wait4 (exit status plus the child's CPU time and peak memory), and per-thread
/// credential changes so that a child can start as another UNIX user without a wrapper process.
/// </summary>
internal static unsafe partial class Posix
{
    public const int OCloexec = 0x80000;
    public const int ORdonly = 0;
    public const int OWronly = 1;

    // x86_64 system call numbers: the raw calls change only the calling thread's credentials,
    // where the libc wrappers would change every thread of the benchmark.
    private const long SysSetgroups = 116;
    private const long SysSetresuid = 117;
    private const long SysSetresgid = 119;

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    public static partial int Spawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(void* actions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addopen")]
    public static partial int FileActionsAddOpen(void* actions, int fd, byte* path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "wait4", SetLastError = true)]
    public static partial int Wait4(int pid, int* status, int options, RUsage* usage);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall3(long number, long a, long b, long c);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall2(long number, long a, uint* b);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEuid();

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeVal
    {
        public long Seconds;
        public long Microseconds;

        public readonly long TotalMicroseconds => (Seconds * 1_000_000) + Microseconds;
    }

    /// <summary>struct rusage on x86_64 Linux: two timevals, then fourteen longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct RUsage
    {
        public TimeVal User;
        public TimeVal System;
        public long MaxRssKilobytes;
        public fixed long Rest[13];
    }

    /// <summary>Makes this thread (only) uid/gid with no supplementary groups; root stays the saved uid.</summary>
    public static void BecomeOnThisThread(uint uid, uint gid)
    {
        var groups = stackalloc uint[1];
        groups[0] = gid;
        Check(Syscall2(SysSetgroups, 1, groups), "setgroups");
        Check(Syscall3(SysSetresgid, gid, gid, 0), "setresgid");
        Check(Syscall3(SysSetresuid, uid, uid, 0), "setresuid");
    }

    /// <summary>Returns this thread to root (possible because the saved uid stayed 0).</summary>
    public static void RestoreRootOnThisThread()
    {
        Check(Syscall3(SysSetresuid, 0, 0, 0), "setresuid");
        Check(Syscall3(SysSetresgid, 0, 0, 0), "setresgid");
        var root = stackalloc uint[1];
        Check(Syscall2(SysSetgroups, 1, root), "setgroups");
    }

    private static void Check(long result, string what)
    {
        if (result != 0)
            throw new InvalidOperationException($"{what} failed: errno {Marshal.GetLastPInvokeError()}");
    }
}
