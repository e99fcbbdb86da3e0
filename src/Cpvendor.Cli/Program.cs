using Cpvendor.Cli;
using Cpvendor.Cli.Commands;
using Cpvendor.Cli.Commands.Settings;

// cpapi is what CloudLinux runs thousands of times a day: it is dispatched before the command-line
// parser is even built. Every other command goes through the parser.
if (args.Length > 0 && args[0] == "cpapi")
    return CpapiCommand.Run(args.AsSpan(1).ToArray());

if (PrivilegedGuard.Refuses(Console.Error))
    return 2;

return Cli.Invoke(args, Console.Out, Console.Error,
[
    InitCommand.Create(),
    DoctorCommand.Create(),
    InstallCommand.Create(),
    PublishCommand.Create(),
    QuickstartCommand.Create(),
    UninstallCommand.Create(),
    SettingsCommand.Create(),
    SyncCommand.Create(),
    CpapiCommand.CreateHelp(),
]);
