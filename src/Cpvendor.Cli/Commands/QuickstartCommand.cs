using System.CommandLine;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor quickstart [--dir DIR] [--panel embedded|virtualmin]</c>: the whole job on sample data, shown.</summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        // The default lies under /tmp because end users (and the checker acting as them) must be able to
        // reach the install: a folder inside a private home would rightly fail the checker.
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Working folder (recreated); every user must be able to reach it", DefaultValueFactory = _ => new DirectoryInfo("/tmp/cpvendor-quickstart") };
        var users = new Option<int>("--users") { Description = "Accounts in the sample panel", DefaultValueFactory = _ => 200 };
        var panel = new Option<string>("--panel") { Description = "embedded (the default: a sample store) or virtualmin (sample Virtualmin files as the source)", DefaultValueFactory = _ => "embedded" };
        panel.AcceptOnlyFromAmong("embedded", "virtualmin");
        var command = new Command("quickstart", "Create a sample store, install into DIR/root, run every script as CloudLinux would, show the result.") { dir, users, panel };
        command.SetAction(result => new Quickstart(result.Out()).Run(result.GetValue(dir)!.FullName, result.GetValue(users), result.GetValue(panel)!));
        return command;
    }
}
