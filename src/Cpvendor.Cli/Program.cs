using Cpvendor.Cli;
using Cpvendor.Cli.Commands;

// cpapi is what CloudLinux runs thousands of times a day: it is dispatched before the command-line
// parser is even built. Every other command goes through the parser.
if (args.Length > 0 && args[0] == "cpapi")
    return CpapiCommand.Run(args.AsSpan(1).ToArray());

return Cli.Invoke(args, Console.Out, Console.Error,
[
    InitCommand.Create(),
    InstallCommand.Create(),
    PublishCommand.Create(),
    QuickstartCommand.Create(),
    CheckCommand.Create(),
    CpapiCommand.CreateHelp(),
]);
