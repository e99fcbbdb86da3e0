using Cpvendor.Cli;
using Cpvendor.Cli.Commands;
using Cpvendor.Cli.Commands.Settings;
using Cpvendor.Core;

// cpapi is what CloudLinux runs thousands of times a day: it is dispatched before the command-line
// parser is even built. Every other command goes through the parser.
if (args.Length > 0 && args[0] == "cpapi")
    return CpapiCommand.Run(args.AsSpan(1).ToArray());

if (PrivilegedGuard.Refuses(Console.Error))
    return ExitCodes.Invalid;

// ui_user_info is what LVE Manager runs: it answers {} on any failure, parse errors included.
if (args.Length > 0 && args[0] == "ui-user-info")
    return UiUserInfoCommand.Run(args.AsSpan(1).ToArray());

// What takes seconds on a large panel shows its progress on a terminal, and only there.
TerminalProgress.ShowOn(Console.Error, !Console.IsErrorRedirected);
return Cli.Invoke(args, Console.Out, Console.Error,
[
    InitCommand.Create(),
    DoctorCommand.Create(),
    InstallCommand.Create(),
    PublishCommand.Create(),
    QuickstartCommand.Create(),
    UninstallCommand.Create(),
    SyncCommand.Create(),
    CheckCommand.Create(),
    CpapiCommand.CreateHelp(),
    AdminCommand.Create(),
    ResellerCommand.Create(),
    PackageCommand.Create(),
    UserCommand.Create(),
    DomainCommand.Create(),
    DbCommand.Create(),
    BatchCommand.Create(),
    SettingsCommand.Create(),
    HooksCommand.Create(),
    UiTokenCommand.Create(),
    UiUserInfoCommand.CreateHelp(),
    VirtualminCommand.Create(),
]);
