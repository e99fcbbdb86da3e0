using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.Virtualmin;

/// <summary>
/// A throw-away host running Virtualmin: its module folder and passwd under the install's root,
/// three PHP versions configured, the install pointed at the files, recording CloudLinux hooks,
/// and a first sync that sets the baseline.
/// </summary>
public sealed class VirtualminHost : IDisposable
{
    private VirtualminHost(TempInstall install, VirtualminFiles files)
    {
        Install = install;
        Files = files;
    }

    public TempInstall Install { get; }

    public VirtualminFiles Files { get; }

    public RecordingHooks Hooks { get; private set; } = null!;

    public static VirtualminHost Create(Action<VirtualminFiles> panel, params string[] installOptions)
    {
        var install = TempInstall.Create(users: 1, prepareStore: SyncedInstall.EmptyEntities, installOptions: installOptions);
        try
        {
            var files = new VirtualminFiles(install.Root);
            panel(files);
            var host = new VirtualminHost(install, files);
            foreach (var (id, version) in new[] { ("alt-php74", "7.4"), ("alt-php81", "8.1"), ("alt-php82", "8.2") })
                install.Checked("settings", "php", "add", id, "--version", version, "--dir", "/opt/alt/php" + version.Replace(".", "", StringComparison.Ordinal), "--fpm-service", id + "-fpm");
            install.Checked("settings", "panel", "--default-php", "alt-php81", "--default-handler", "fpm");
            install.Checked("settings", "source", "virtualmin");
            install.Checked("sync");
            host.Hooks = new RecordingHooks(install);
            return host;
        }
        catch
        {
            install.Dispose();
            throw;
        }
    }

    /// <summary>The sample panel: sub-servers, an alias, four PHP modes, a reseller, plans (one deleted but in use), databases.</summary>
    public static void Standard(VirtualminFiles f)
    {
        f.Reseller("res1");
        f.Plan("101", "Basic");
        f.Plan("102", "Gold", owner: "res1");
        f.Plan("103", "Legacy", deleted: true);
        f.Plan("104", "Unused", deleted: true);
        f.UnixUser("alice", 50001);
        f.UnixUser("bob", 50002);
        f.UnixUser("carol", 50003);
        f.TopLevel("1764590001100001", "alice.test", "alice", 50001, plan: "101", phpMode: "fpm", phpVersion: "8.2");
        f.SubServer("1764590002100002", "1764590001100001", "shop.alice.test", phpMode: "fpm", phpVersion: "7.4");
        f.Alias("1764590003100003", "1764590001100001", "1764590001100001", "alice.example");
        f.TopLevel("1764590004100004", "bob.test", "bob", 50002, plan: "102", reseller: "res1", phpMode: "cgi", phpVersion: "8.1");
        f.SubServer("1764590005100005", "1764590004100004", "blog.bob.test", phpMode: "fcgid", phpVersion: "8.2");
        f.TopLevel("1764590006100006", "carol.test", "carol", 50003, plan: "103", phpMode: "mod_php", mysql: false);
    }

    /// <summary>Runs the installed binary the way Virtualmin runs its pre/post-change command: as root, with the server's variables.</summary>
    public RunResult Event(string phase, IReadOnlyDictionary<string, string> environment) =>
        Run.Program(Install.Binary, ["virtualmin", "event", "--phase", phase], environment: environment);

    public void Dispose() => Install.Dispose();
}
