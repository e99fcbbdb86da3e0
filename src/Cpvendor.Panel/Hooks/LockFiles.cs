using Cpvendor.Core;

namespace Cpvendor.Panel.Hooks;

/// <summary>The <see cref="FileLock"/> files of the lifecycle, beside the store (root only).</summary>
internal static class LockFiles
{
    public static string DeliveryPath(InstallConfig config) => config.Store + ".hooks.lock";

    public static string PublishPath(InstallConfig config) => config.Store + ".publish.lock";
}
