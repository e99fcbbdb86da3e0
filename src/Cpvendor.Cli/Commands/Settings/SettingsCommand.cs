using System.CommandLine;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings ...</c>: the panel's own settings, one file per subcommand in this folder.</summary>
internal static class SettingsCommand
{
    public static Command Create() => new("settings", "What panel_info reports, the PHP versions, the db_info credential and the data source.")
    {
        ShowSettingsCommand.Create(),
        PanelSettingsCommand.Create(),
        FeaturesSettingsCommand.Create(),
        PhpSettingsCommand.Create(),
        DbCredentialSettingsCommand.Create(),
        SourceSettingsCommand.Create(),
    };
}
