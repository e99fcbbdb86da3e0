using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings show</c>: everything the settings commands change (never the password).</summary>
internal static class ShowSettingsCommand
{
    public static Command Create()
    {
        var command = new Command("show", "Print the panel settings.");
        command.SetAction(r =>
        {
            var config = InstallLayout.LoadForThisBinary();
            var output = r.Out();
            using var store = PanelReader.Open(config.Store);
            var settings = store.Settings();
            output.WriteLine($"name: {settings.Name}");
            output.WriteLine($"version: {settings.Version}");
            output.WriteLine($"login url: {settings.UserLoginUrl ?? "(none)"}");
            output.WriteLine($"default php: {settings.DefaultPhp ?? "(none)"}");
            output.WriteLine($"default handler: {settings.DefaultHandler}");
            output.WriteLine("features: " + string.Join(", ", store.Features().Select(f => $"{f.Key}={(f.Value ? "true" : "false")}")));
            foreach (var php in store.Php())
                output.WriteLine($"php {php.Identifier}: {php.Version} {php.Bin}");
            var credential = DbCredential.Read(config.DbSecret);
            output.WriteLine(credential is null ? "db_info credential: (none)" : $"db_info credential: {credential.Login}@{credential.Host}:{credential.Port}");
            return ExitCodes.Success;
        });
        return command;
    }
}
