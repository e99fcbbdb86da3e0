using System.Globalization;
using Cpvendor.Core;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A throw-away host: a sample store and an install of the published binary into a root folder,
/// all under one temporary directory removed on dispose.
/// </summary>
public sealed class TempInstall : IDisposable
{
    private TempInstall(string dir, string adminGroup)
    {
        Dir = dir;
        AdminGroup = adminGroup;
    }

    public string Dir { get; }

    public string AdminGroup { get; }

    public string Root => Path.Combine(Dir, "root");

    public string Store => Path.Combine(Dir, "panel.db");

    /// <summary>The installed copy of the binary: what integration.ini names.</summary>
    public string Binary => InstallLayout.BinaryUnder(Root);

    public string Ini => InstallLayout.IntegrationIniUnder(Root);

    public InstallConfig Config => InstallConfig.Parse(File.ReadAllText(InstallLayout.ConfigFileUnder(Root)), "test");

    /// <summary>Creates a store with a sample panel of <paramref name="users"/> accounts and installs it.</summary>
    public static TempInstall Create(int users = 30, int seed = 7, string adminGroup = "cpvendor", Action<string>? prepareStore = null, params string[] installOptions) =>
        FromStore(
            store =>
            {
                Run.Checked(Repo.Binary, "init", "--store", store, "--sample", users.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture));
                prepareStore?.Invoke(store);
            },
            adminGroup,
            installOptions);

    /// <summary>Lets <paramref name="writeStore"/> create the store (a hand-made panel), then installs it.</summary>
    public static TempInstall FromStore(Action<string> writeStore, string adminGroup = "cpvendor", params string[] installOptions)
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-test-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        var install = new TempInstall(dir, adminGroup) { InstallOptions = installOptions };
        try
        {
            writeStore(install.Store);
            install.Reinstall();
            return install;
        }
        catch
        {
            install.Dispose();
            throw;
        }
    }

    /// <summary>Runs <c>cpvendor install</c> again: secures the store and republishes every answer file.</summary>
    public void Reinstall() =>
        Run.Checked(Repo.Binary, ["install", "--root", Root, "--store", Store, "--admin-group", AdminGroup, .. InstallOptions]);

    /// <summary>Extra options given to <c>cpvendor install</c> (hook timeout, duplicate uids, ...).</summary>
    public IReadOnlyList<string> InstallOptions { get; private init; } = [];

    /// <summary>The per-user answer file of a UNIX id, published where the file system keeps no attributes for keys.</summary>
    public string UserFile(uint uid) => Config.UserFile(uid);

    /// <summary>The key file of a UNIX id's sealed answers: what gives that uid alone its answers.</summary>
    public string KeyFile(uint uid) => Prerendered.Sealing.SealedAccounts.KeyFile(Config, uid);

    /// <summary>The account image published for a UNIX id (sealed, opened with its key as root may), or null when it has none.</summary>
    public byte[]? AccountImage(uint uid) =>
        Prerendered.Sealing.SealedAccounts.Read(Config, uid, out var image) == Prerendered.Sealing.SealedLookup.Found ? image : null;

    /// <summary>The installed small cpapi binary the default install's script lines name.</summary>
    public string SmallBinary => Path.Combine(Path.GetDirectoryName(Binary)!, "cpvendor-cpapi");

    /// <summary>
    /// Runs an installed script the way integration.ini names it, optionally as another user: the
    /// small binary when the script lines name it (the default install), else <c>cpvendor cpapi</c>.
    /// </summary>
    public RunResult Cpapi(RunAs? user, params string[] args) =>
        IniNamesSmallBinary ? Run.Program(SmallBinary, args, user) : FullCpapi(user, args);

    /// <summary>Runs <c>cpvendor cpapi</c> itself: the full path every call the small binary does not answer takes.</summary>
    public RunResult FullCpapi(RunAs? user, params string[] args) => Run.Program(Binary, ["cpapi", .. args], user);

    private bool IniNamesSmallBinary => File.Exists(SmallBinary) && File.ReadAllText(Ini).Contains(SmallBinary + " panel_info\n", StringComparison.Ordinal);

    public RunResult Cpapi(params string[] args) => Cpapi(null, args);

    /// <summary>Runs any command of the installed binary as root (lifecycle commands, hooks, tokens).</summary>
    public RunResult Command(params string[] args) => Run.Program(Binary, args);

    /// <summary>Runs a command of the installed binary that must succeed; returns its output.</summary>
    public string Checked(params string[] args)
    {
        var run = Command(args);
        Assert.True(run.ExitCode == ExitCodes.Success, $"cpvendor {string.Join(' ', args)} failed: {run}");
        return run.Stdout;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
