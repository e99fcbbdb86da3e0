using System.CommandLine;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor quickstart [--dir DIR]</c>: the whole job on the embedded store, shown.</summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        // The default lies under /tmp because end users (and the checker acting as them) must be able to
        // reach the install: a folder inside a private home would rightly fail the checker.
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Working folder (recreated); every user must be able to reach it", DefaultValueFactory = _ => new DirectoryInfo("/tmp/cpvendor-quickstart") };
        var users = new Option<int>("--users") { Description = "Accounts in the sample panel", DefaultValueFactory = _ => 200 };
        var panel = new Option<string>("--panel") { Description = "embedded (the local store), or ispconfig (a sample ISPConfig 3 database on MariaDB)", DefaultValueFactory = _ => "embedded" };
        panel.AcceptOnlyFromAmong("embedded", "ispconfig");
        var mariadb = new Option<string>("--mariadb") { Description = "ispconfig: a MariaDB account that may create a database (default: start a private server on 127.0.0.1)" };
        var command = new Command("quickstart", "Create a sample store, install into DIR/root, run every script as CloudLinux would, show the result.") { dir, users, panel, mariadb };
        command.SetAction(result => result.GetValue(panel) switch
        {
            "ispconfig" => IspConfigQuickstart.Run(result.Out(), result.GetValue(dir)!.FullName, result.GetValue(users), result.GetValue(mariadb)),
            _ => new Quickstart(result.Out()).Run(result.GetValue(dir)!.FullName, result.GetValue(users)),
        });
        return command;
    }
}
