using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

public static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "setsid", SetLastError = true)]
    private static partial int SetSidRaw();

    /// <summary>
    /// Moves this process into a session and process group of its own, so that whatever ends the
    /// group or the terminal of the process that started it (a job runner's kill of the group,
    /// <c>timeout</c>, a hang-up) does not end it. False when it already leads a group (run by hand
    /// from a shell), where it stays as it is.
    /// </summary>
    public static bool StartOwnSession() => SetSidRaw() >= 0;
}
