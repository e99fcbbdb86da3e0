using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Host;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor install [--root DIR] --store FILE [--dry-run] [--privileged=sudo] ...</c>.</summary>
internal static class InstallCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Folder standing for / (default: the real root)", DefaultValueFactory = _ => new DirectoryInfo("/") };
        var store = new Option<FileInfo>("--store") { Description = "The panel store to serve", Required = true };
        var group = new Option<string>("--admin-group") { Description = "Group of administrators and trusted service accounts", DefaultValueFactory = _ => "cpvendor" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan and change nothing" };
        var privileged = new Option<string>("--privileged") { Description = "none (default) or sudo: answer end users as root through sudo and CageFS proxyexec", DefaultValueFactory = _ => "none" };
        privileged.AcceptOnlyFromAmong("none", "sudo");
        var systemUsers = new Option<string[]>("--system-user") { Description = "A system account of the panel, kept out of CageFS (repeatable)", AllowMultipleArgumentsPerToken = false };
        var mounts = new Option<string[]>("--cagefs-personal-mount") { Description = "A folder each caged user gets privately (@PATH,700 in cagefs.mp; repeatable)" };
        var port = new Option<int>("--service-port") { Description = "Port of LVE Manager's own web server in integration.ini", DefaultValueFactory = _ => 9000 };
        var hookFlag = new Option<string>("--admin-hook-flag") { Description = "Flag naming the admin for the admin hooks: --name or --username", DefaultValueFactory = _ => "--name" };
        hookFlag.AcceptOnlyFromAmong("--name", "--username");
        var hookTimeout = new Option<int>("--hook-timeout") { Description = "Seconds a CloudLinux hook may run before it is killed and retried", DefaultValueFactory = _ => 60 };
        var duplicates = new Option<bool>("--allow-duplicate-uids") { Description = "Accounts may share a UNIX id (tells CageFS too)" };
        var binary = new Option<FileInfo>("--binary") { Description = "The cpvendor binary to install (default: the running one)" };
        var command = new Command("install", "Set up the host: binary, integration.ini, permissions, published answers, CageFS, optional sudo mode. Idempotent.")
        {
            root, store, group, dryRun, privileged, systemUsers, mounts, port, hookFlag, hookTimeout, duplicates, binary,
        };
        command.SetAction(result =>
        {
            var output = result.Out();
            if (result.GetValue(hookTimeout) < 1)
                throw Cpvendor.Core.CpvendorException.Invalid("--hook-timeout must be 1 or more");
            var options = new InstallOptions(result.GetValue(root)!.FullName, result.GetValue(store)!.FullName, result.GetValue(group)!, result.GetValue(binary)?.FullName)
            {
                Privileged = result.GetValue(privileged) == "sudo" ? PrivilegedMode.Sudo : PrivilegedMode.None,
                SystemUsers = result.GetValue(systemUsers) ?? [],
                PersonalMounts = result.GetValue(mounts) ?? [],
                ServicePort = result.GetValue(port),
                AdminHookFlag = result.GetValue(hookFlag)!,
                HookTimeout = TimeSpan.FromSeconds(result.GetValue(hookTimeout)),
                AllowDuplicateUids = result.GetValue(duplicates),
            };
            var dry = result.GetValue(dryRun);
            var report = new Installer(output).Run(options, dry);
            report.WriteTo(output);
            output.WriteLine(dry
                ? $"dry run: {report.Changed} step(s) would change {report.Config.Root}; nothing was changed"
                : report.Changed == 0 ? $"{report.Config.Root} already up to date" : $"installed into {report.Config.Root} ({report.Changed} step(s) changed)");
            return ExitCodes.Success;
        });
        return command;
    }
}
