using System.Globalization;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.IspConfig;

/// <summary>
/// An install standing for one ISPConfig web server: its root's etc/passwd holds the system users
/// that server has, and the install is pointed at the master database with the installed binary.
/// </summary>
public static class IspConfigHost
{
    public static TempInstall Create(IspConfigPanel panel, int? serverId, string passwd)
    {
        var install = TempInstall.Create(users: 5, seed: 7, prepareStore: SyncedInstall.EmptyEntities);
        WritePasswd(install, passwd);
        var args = new List<string> { "settings", "source", "ispconfig", "--connection-string", panel.Database.ConnectionString };
        if (serverId is { } id)
            args.AddRange(["--server-id", id.ToString(CultureInfo.InvariantCulture)]);
        Run.Checked(install.Binary, [.. args]);
        return install;
    }

    public static void WritePasswd(TempInstall install, string passwd)
    {
        var etc = Path.Combine(install.Root, "etc");
        Directory.CreateDirectory(etc);
        File.WriteAllText(Path.Combine(etc, "passwd"), passwd);
    }

    public static void AppendPasswd(TempInstall install, string line) =>
        File.AppendAllText(Path.Combine(install.Root, "etc", "passwd"), line + "\n");
}
