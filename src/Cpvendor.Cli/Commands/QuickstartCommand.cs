using System.CommandLine;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor quickstart [--dir DIR] [--panel embedded|virtualmin]</c>: the whole job on sample data, shown.</summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        // Without --dir a new folder is made under /tmp (end users, and the checker acting as them, must
        // reach the install: a folder inside a private home would rightly fail the checker). A folder
        // given must be root's alone, like every folder above it (docs/security.md).
        var dir = new Option<DirectoryInfo?>("--dir") { Description = "Working folder (created, or emptied when an earlier quickstart made it); must be root's alone; default: a new one under /tmp" };
        var users = new Option<int>("--users") { Description = "Accounts in the sample panel", DefaultValueFactory = _ => 200 };
        var panel = new Option<string>("--panel") { Description = "embedded (the default: a sample store), virtualmin (sample Virtualmin files as the source) or ispconfig (a sample ISPConfig 3 database on MariaDB)", DefaultValueFactory = _ => "embedded" };
        panel.AcceptOnlyFromAmong("embedded", "virtualmin", "ispconfig");
        var mariadb = new Option<string>("--mariadb") { Description = "ispconfig: a MariaDB account that may create a database (default: start a private server on 127.0.0.1)" };
        var command = new Command("quickstart", "Create a sample store, install into DIR/root, run every script as CloudLinux would, show the result.") { dir, users, panel, mariadb };
        command.SetAction(result => result.GetValue(panel) switch
        {
            "ispconfig" => IspConfigQuickstart.Run(result.Out(), result.GetValue(dir)?.FullName, result.GetValue(users), result.GetValue(mariadb)),
            var other => new Quickstart(result.Out()).Run(result.GetValue(dir)?.FullName, result.GetValue(users), other!),
        });
        return command;
    }
}
