using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Panel.Changes;

/// <summary>
/// The store opened for writing. Its busy timeout outlasts one hook: a user deletion keeps the
/// write lock while its pre hook runs (so the hook sees the data as it was), and other writers wait
/// for it instead of failing.
/// </summary>
internal static class StoreConnection
{
    public static StoreSession Open(InstallConfig config) =>
        PanelStore.OpenForWrite(config.Store, TimeSpan.FromSeconds(config.HookTimeoutSeconds + 60));
}
