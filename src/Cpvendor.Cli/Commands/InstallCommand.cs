using System.CommandLine;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor install --root DIR --store FILE</c>.</summary>
internal static class InstallCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Folder standing for / (default: the real root)", DefaultValueFactory = _ => new DirectoryInfo("/") };
        var store = new Option<FileInfo>("--store") { Description = "The panel store to serve", Required = true };
        var group = new Option<string>("--admin-group") { Description = "Group of administrators and trusted service accounts", DefaultValueFactory = _ => "cpvendor" };
        var command = new Command("install", "Install the integration into a root: binary, integration.ini, configuration, published answers.") { root, store, group };
        command.SetAction(result =>
        {
            var output = result.Out();
            var config = new Installer(output).Install(new InstallOptions(
                result.GetValue(root)!.FullName, result.GetValue(store)!.FullName, result.GetValue(group)!));
            output.WriteLine($"installed into {config.Root}");
            return 0;
        });
        return command;
    }
}
