using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Panel.Changes;

/// <summary>
/// A writing connection to the store. Its busy timeout outlasts one hook: a user deletion keeps the
/// write lock while its pre hook runs (so the hook sees the data as it was), and other writers wait
/// for it instead of failing.
/// </summary>
internal static class StoreConnection
{
    public static SqliteConnection Open(InstallConfig config)
    {
        var connection = PanelStore.OpenForWrite(config.Store);
        var milliseconds = (config.HookTimeoutSeconds + 60) * 1000L;
        Sql.Execute(connection, null, "PRAGMA busy_timeout = " + milliseconds.ToString(CultureInfo.InvariantCulture));
        return connection;
    }
}
