using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Sources;
using Cpvendor.Sources.Virtualmin;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary>
/// <c>cpvendor settings source embedded|mysql|postgres|virtualmin [--connection-string CS]
/// [--config-dir DIR] [--server NAME] [--max-age SECONDS] [--no-derive-hooks]</c>: where this
/// install's panel data comes from.
/// </summary>
internal static class SourceSettingsCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "embedded (the local store), mysql (MariaDB/MySQL), postgres, virtualmin (Virtualmin's own files) or ispconfig (an ISPConfig 3 master database)" };
        kind.AcceptOnlyFromAmong("embedded", "mysql", "postgres", "virtualmin", "ispconfig");
        var connection = new Option<string>("--connection-string") { Description = "ADO.NET connection string of the panel database (kept in a root-only file)" };
        var server = new Option<string>("--server") { Description = "This host's name in the views' server column (default: serve every row)" };
        var maxAge = new Option<int?>("--max-age") { Description = "Seconds after the last good sync at which the scripts stop answering (default: serve stale data)" };
        var configDir = new Option<string>("--config-dir") { Description = $"virtualmin: Virtualmin's module folder as the host sees it, under the install's root (default {VirtualminLayout.DefaultConfigDir})" };
        var noHooks = new Option<bool>("--no-derive-hooks") { Description = "The panel calls the CloudLinux hooks itself: do not derive them from changes" };
        var serverId = new Option<long?>("--server-id") { Description = "ispconfig: this host's server_id in ISPConfig's server table (needed when the panel has several web servers)" };
        var command = new Command("source", "Serve from the embedded store or sync from a panel's MariaDB/MySQL or PostgreSQL database.")
        {
            kind, connection, server, maxAge, noHooks, configDir, serverId,
        };
        command.SetAction(result =>
        {
            var config = InstallLayout.LoadForThisBinary();
            var parsedKind = SourceSettings.ParseKind(result.GetValue(kind)!);
            var settings = new SourceSettings(
                parsedKind,
                IspConfigServer.Choose(parsedKind, result.GetValue(server), result.GetValue(serverId)),
                result.GetValue(maxAge),
                !result.GetValue(noHooks));
            // A Virtualmin source is located by its folder, kept where a database source keeps its connection string.
            settings.Save(config.Store, settings.Kind == SourceKind.Virtualmin
                ? result.GetValue(configDir) is { Length: > 0 } dir ? dir : VirtualminLayout.DefaultConfigDir
                : result.GetValue(connection));
            var output = result.Out();
            if (settings.Kind == SourceKind.Embedded)
            {
                output.WriteLine("serving from the embedded store");
                return ExitCodes.Success;
            }

            var units = SystemdUnits.Write(config.Root, InstallLayout.BinaryUnder(config.Root));
            output.WriteLine($"serving from the {SourceSettings.KindName(settings.Kind)} {(settings.Kind == SourceKind.Virtualmin ? "files" : "database")}" + (settings.Server is { } n ? $" as server {n}" : ""));
            output.WriteLine($"wrote {string.Join(", ", units)}; run 'cpvendor sync' now and enable {SystemdUnits.TimerName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
