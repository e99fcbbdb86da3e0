using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Host;
using Cpvendor.Host.Choices;
using Cpvendor.Sources.Virtualmin;

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
        var virtualmin = new Option<bool>("--virtualmin") { Description = "Make cpvendor Virtualmin's pre- and post-change command (older commands are chained)" };
        var virtualminDir = new Option<string>("--virtualmin-config-dir") { Description = $"Virtualmin's module folder as the host sees it (default {VirtualminLayout.DefaultConfigDir})", DefaultValueFactory = _ => VirtualminLayout.DefaultConfigDir };
        var binary = new Option<FileInfo>("--binary") { Description = "The cpvendor binary to install (default: the running one)" };
        var basePath = new Option<string>("--lvemanager-base-path") { Description = "Folder LVE Manager copies its assets to, served by the panel (base_path; default /opt/cpvendor/lvemanager)" };
        var service = new Option<string>("--lvemanager-service") { Description = "LVE Manager's own web server: none, http (default; service_port) or https (use_ssl)" };
        service.AcceptOnlyFromAmong("none", "http", "https");
        var sslCert = new Option<string>("--lvemanager-ssl-cert") { Description = "Certificate for --lvemanager-service https (ssl_cert)" };
        var sslKey = new Option<string>("--lvemanager-ssl-key") { Description = "Private key for --lvemanager-service https (ssl_key)" };
        var vendorPhp = new Option<string>("--lvemanager-vendor-php") { Description = "A PHP file of the panel LVE Manager runs before its plugin starts (vendor_php)" };
        var fromDefaults = new Option<bool>("--from-defaults") { Description = "Start from the defaults, not from the options the last install recorded" };
        var command = new Command("install", "Set up the host: binary, integration.ini, permissions, published answers, CageFS, optional sudo mode. Idempotent.")
        {
            root, store, group, dryRun, privileged, systemUsers, mounts, port, hookFlag, hookTimeout, duplicates, binary,
            basePath, service, sslCert, sslKey, vendorPhp, fromDefaults, virtualmin, virtualminDir,
        };
        command.SetAction(result =>
        {
            var output = result.Out();
            if (result.GetValue(hookTimeout) < 1)
                throw Cpvendor.Core.CpvendorException.Invalid("--hook-timeout must be 1 or more");
            // Every option not given again keeps the value the last install recorded (docs/install.md).
            T? Given<T>(Option<T> option) => result.GetResult(option) is { Implicit: false } ? result.GetValue(option) : default;
            var given = new InstallChoices
            {
                AdminGroup = Given(group),
                Privileged = Given(privileged),
                SystemUsers = Given(systemUsers),
                PersonalMounts = Given(mounts),
                ServicePort = result.GetResult(port) is { Implicit: false } ? result.GetValue(port) : null,
                AdminHookFlag = Given(hookFlag),
                HookTimeoutSeconds = result.GetResult(hookTimeout) is { Implicit: false } ? result.GetValue(hookTimeout) : null,
                AllowDuplicateUids = result.GetResult(duplicates) is { Implicit: false } ? result.GetValue(duplicates) : null,
                LvemanagerBasePath = Given(basePath),
                LvemanagerService = Given(service),
                LvemanagerSslCert = Given(sslCert),
                LvemanagerSslKey = Given(sslKey),
                LvemanagerVendorPhp = Given(vendorPhp),
                // --virtualmin=false turns a recorded Virtualmin set-up off; "" records that.
                VirtualminConfigDir = result.GetResult(virtualmin) is { Implicit: false } ? (result.GetValue(virtualmin) ? result.GetValue(virtualminDir) : "") : null,
            };
            var options = Installer.Resolve(result.GetValue(root)!.FullName, result.GetValue(store)!.FullName, result.GetValue(binary)?.FullName, given, result.GetValue(fromDefaults));
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
