using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Panel;

/// <summary>
/// An install whose store starts with the sample panel's settings (name, features, PHP defaults) but
/// none of its accounts, pointed at a panel database with the installed binary, as a vendor would.
/// </summary>
public static class SyncedInstall
{
    public static TempInstall Create(PanelDatabase database, string? server = null, int users = 30, int seed = 7, params string[] extra)
    {
        var install = TempInstall.Create(users, seed, prepareStore: EmptyEntities);
        var args = new List<string> { "settings", "source", database.SourceKind, "--connection-string", database.ConnectionString };
        if (server is not null)
            args.AddRange(["--server", server]);
        args.AddRange(extra);
        Run.Checked(install.Binary, [.. args]);
        return install;
    }

    public static RunResult Sync(this TempInstall install) => Run.Program(install.Binary, ["sync"]);

    public static void SyncChecked(this TempInstall install)
    {
        var run = install.Sync();
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
    }

    /// <summary>Empties the panel rows of a store, keeping its panel settings and features.</summary>
    public static void EmptyEntities(string store)
    {
        StoreFixture.Execute(store, "DELETE FROM db_users; DELETE FROM domains; DELETE FROM users; DELETE FROM packages; DELETE FROM resellers; DELETE FROM admins; DELETE FROM php_versions;");
    }
}
