using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A throw-away host for install, uninstall and doctor: a folder standing for <c>/</c> with the
/// files a test plants in it, and a sample panel store beside it (outside the root, as a panel's
/// own database would be). Removed on dispose.
/// </summary>
public sealed class TempHost : IDisposable
{
    private TempHost(string dir) => Dir = dir;

    public string Dir { get; }

    public string Root => System.IO.Path.Combine(Dir, "root");

    public string Store => System.IO.Path.Combine(Dir, "panel.db");

    public string Secret => Store + ".secret";

    public static TempHost Create(int users = 12, int seed = 3)
    {
        var dir = Directory.CreateTempSubdirectory("cpvendor-host-").FullName;
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        var host = new TempHost(dir);
        Directory.CreateDirectory(host.Root);
        File.SetUnixFileMode(host.Root, (UnixFileMode)0b111_101_101);
        Run.Checked(Repo.Binary, "init", "--store", host.Store, "--sample", users.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture));
        return host;
    }

    /// <summary>The path of a file under the root.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>Writes a file under the root (parents created 0755).</summary>
    public string Plant(string relative, string content, int mode = 0b110_100_100)
    {
        var path = Path(relative);
        var parent = System.IO.Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(parent);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, (UnixFileMode)mode);
        return path;
    }

    /// <summary>Runs SQL against the store in one committed transaction (a panel change).</summary>
    public void ChangeStore(string sql) => StoreFixture.Change(Store, sql);

    public RunResult Install(params string[] extra) =>
        Run.Program(Repo.Binary, ["install", "--root", Root, "--store", Store, .. extra]);

    public RunResult InstallChecked(params string[] extra)
    {
        var run = Install(extra);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        return run;
    }

    public RunResult Uninstall() => Run.Program(Repo.Binary, ["uninstall", "--root", Root]);

    public RunResult Doctor(params string[] extra) => Run.Program(Repo.Binary, ["doctor", "--root", Root, .. extra]);

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
