using System.Diagnostics;
using Cpvendor.Core;

namespace Cpvendor.Panel.Changes;

/// <summary>
/// Crash testing: kills this process with SIGKILL at a named step when the file
/// <c>ROOT/opt/cpvendor/etc/fault-point</c> names that step. Honoured only in an install whose root
/// is not <c>/</c> (a throw-away test host), so it can never change the behaviour of a real install;
/// the folder is writable by root only.
/// </summary>
internal static class FaultPoint
{
    public const string FileName = "fault-point";

    public static void Hit(InstallConfig config, string step)
    {
        if (config.Root == "/")
            return;
        var path = Path.Combine(InstallLayout.Under(config.Root, InstallLayout.EtcDir), FileName);
        string wanted;
        try
        {
            wanted = File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return;
        }

        if (wanted == step)
        {
            // Process.Kill sends SIGKILL on Linux: nothing runs after this line, exactly as with kill -9.
            using var self = Process.GetCurrentProcess();
            self.Kill();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
