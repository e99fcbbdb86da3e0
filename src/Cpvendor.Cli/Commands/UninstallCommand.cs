using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor uninstall [--root DIR]</c>: removes exactly what install created; never the store.</summary>
internal static class UninstallCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Folder standing for / (default: the real root)", DefaultValueFactory = _ => new DirectoryInfo("/") };
        var command = new Command("uninstall", "Undo what install created or modified (from its manifest); the panel store is kept.") { root };
        command.SetAction(result =>
        {
            var output = result.Out();
            var report = new Installer(output).Uninstall(result.GetValue(root)!.FullName);
            report.WriteTo(output);
            output.WriteLine($"uninstalled: {report.Undone.Count} change(s) taken back");
            return ExitCodes.Success;
        });
        return command;
    }
}
