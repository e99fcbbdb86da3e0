using System.Diagnostics;
using System.Runtime.InteropServices;
using Cpvendor.Bench.Native;

namespace Cpvendor.Bench;

/// <summary>One timed run of a whole process.</summary>
/// <param name="WallMicroseconds">From just before posix_spawn until wait4 returned, stdout drained.</param>
/// <param name="CpuMicroseconds">User plus system time of the child, from wait4.</param>
/// <param name="Bytes">How many bytes the child printed on stdout.</param>
internal readonly record struct Sample(double WallMicroseconds, long CpuMicroseconds, long Bytes);

/// <summary>
/// Starts a prepared command with posix_spawn, stdin and stderr on /dev/null and stdout on a pipe
/// that this process drains (as CloudLinux's callers do), then reaps it with wait4.
/// </summary>
internal static unsafe class ProcessTimer
{
    private const int ScratchSize = 1 << 16;
    private static readonly byte* DevNull = (byte*)Marshal.StringToCoTaskMemUTF8("/dev/null");
    private static readonly byte* Scratch = (byte*)NativeMemory.Alloc(ScratchSize);

    /// <summary>Runs once and returns the timing; <paramref name="capture"/>, when given, receives stdout.</summary>
    public static Sample Run(Command command, Stream? capture = null)
    {
        var fds = stackalloc int[2];
        if (Posix.Pipe2(fds, Posix.OCloexec) != 0)
            throw new InvalidOperationException($"pipe2 failed: errno {Marshal.GetLastPInvokeError()}");
        var actions = stackalloc byte[256];
        Posix.FileActionsInit(actions);
        Posix.FileActionsAddOpen(actions, 0, DevNull, Posix.ORdonly, 0);
        Posix.FileActionsAddDup2(actions, fds[1], 1);
        Posix.FileActionsAddOpen(actions, 2, DevNull, Posix.OWronly, 0);

        int pid;
        int rc;
        long start;
        if (command.RunAs is { } user)
            Posix.BecomeOnThisThread(user.Uid, user.Gid);
        try
        {
            start = Stopwatch.GetTimestamp();
            rc = Posix.Spawn(&pid, command.Path, actions, null, command.Argv, command.Envp);
        }
        finally
        {
            if (command.RunAs is not null)
                Posix.RestoreRootOnThisThread();
        }

        Posix.FileActionsDestroy(actions);
        Posix.Close(fds[1]);
        if (rc != 0)
        {
            Posix.Close(fds[0]);
            throw new InvalidOperationException($"posix_spawn {command.File} failed: error {rc}");
        }

        long bytes = 0;
        while (true)
        {
            var n = Posix.Read(fds[0], Scratch, ScratchSize);
            if (n > 0)
            {
                bytes += n;
                capture?.Write(new ReadOnlySpan<byte>(Scratch, (int)n));
                continue;
            }

            if (n < 0 && Marshal.GetLastPInvokeError() == 4)
                continue;
            break;
        }

        Posix.Close(fds[0]);
        int status;
        Posix.RUsage usage;
        while (Posix.Wait4(pid, &status, 0, &usage) < 0)
        {
            if (Marshal.GetLastPInvokeError() != 4)
                throw new InvalidOperationException($"wait4 failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var end = Stopwatch.GetTimestamp();
        if (status != 0)
            throw new InvalidOperationException($"{command.Display} exited with wait status {status}");
        return new Sample(
            (end - start) * 1_000_000.0 / Stopwatch.Frequency,
            usage.User.TotalMicroseconds + usage.System.TotalMicroseconds,
            bytes);
    }

    /// <summary>Runs once and returns everything the command printed.</summary>
    public static byte[] Output(Command command)
    {
        using var buffer = new MemoryStream();
        Run(command, buffer);
        return buffer.ToArray();
    }
}
