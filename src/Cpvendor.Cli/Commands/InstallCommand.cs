using System.CommandLine;
using Cpvendor.Core;
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
        var hookTimeout = new Option<int>("--hook-timeout") { Description = "Seconds a CloudLinux hook may run before it is killed and retried", DefaultValueFactory = _ => 60 };
        var adminFlag = new Option<string>("--admin-hook-flag") { Description = "Flag the admin hooks take for the name: --name or --username", DefaultValueFactory = _ => "--name" };
        adminFlag.AcceptOnlyFromAmong("--name", "--username");
        var duplicates = new Option<bool>("--allow-duplicate-uids") { Description = "Accounts may share a UNIX id (tells CageFS too)" };
        var command = new Command("install", "Install the integration into a root: binary, integration.ini, configuration, published answers.") { root, store, group, hookTimeout, adminFlag, duplicates };
        command.SetAction(result =>
        {
            var output = result.Out();
            if (result.GetValue(hookTimeout) < 1)
                throw CpvendorException.Invalid("--hook-timeout must be 1 or more");
            var config = new Installer(output).Install(new InstallOptions(
                result.GetValue(root)!.FullName, result.GetValue(store)!.FullName, result.GetValue(group)!)
            {
                HookTimeoutSeconds = result.GetValue(hookTimeout),
                AdminHookFlag = result.GetValue(adminFlag)!,
                AllowDuplicateUids = result.GetValue(duplicates),
            });
            new Cpvendor.Panel.PanelService(config).RewriteGovernorMap();
            output.WriteLine($"wrote {config.GovernorMap}");
            output.WriteLine($"installed into {config.Root}");
            return 0;
        });
        return command;
    }
}
