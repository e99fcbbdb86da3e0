using System.CommandLine;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor quickstart [--dir DIR]</c>: the whole job on the embedded store, shown.</summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var dir = new Option<DirectoryInfo>("--dir") { Description = "Working folder (recreated)", DefaultValueFactory = _ => new DirectoryInfo(".quickstart") };
        var users = new Option<int>("--users") { Description = "Accounts in the sample panel", DefaultValueFactory = _ => 200 };
        var command = new Command("quickstart", "Create a sample store, install into DIR/root, run every script as CloudLinux would, show the result.") { dir, users };
        command.SetAction(result => new Quickstart(result.Out()).Run(result.GetValue(dir)!.FullName, result.GetValue(users)));
        return command;
    }
}
