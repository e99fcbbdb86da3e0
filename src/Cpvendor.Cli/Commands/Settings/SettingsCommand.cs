using System.CommandLine;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings ...</c>: the install's settings, one subcommand per concern.</summary>
internal static class SettingsCommand
{
    public static Command Create() => new("settings", "Change this install's settings.")
    {
        SourceSettingsCommand.Create(),
    };
}
