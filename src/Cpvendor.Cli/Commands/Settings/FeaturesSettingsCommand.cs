using System.CommandLine;
using Cpvendor.Core;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings features [--enable A,B] [--disable C,D]</c>: panel_info's supported_cl_features.</summary>
internal static class FeaturesSettingsCommand
{
    public static Command Create()
    {
        var enable = new Option<string>("--enable") { Description = "Comma-separated features the panel drives" };
        var disable = new Option<string>("--disable") { Description = "Comma-separated features the panel does not drive" };
        var command = new Command("features", "Declare which CloudLinux features the panel drives.") { enable, disable };
        command.SetAction(r =>
        {
            var features = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var name in Split(r.GetValue(enable)))
                features[name] = true;
            foreach (var name in Split(r.GetValue(disable)))
            {
                if (features.ContainsKey(name))
                    throw CpvendorException.Invalid($"feature '{name}' is both enabled and disabled");
                features[name] = false;
            }

            if (features.Count == 0)
                throw CpvendorException.Invalid("name features with --enable and/or --disable");
            return Lifecycle.Report(r, Lifecycle.Service().SetFeatures(features));
        });
        return command;
    }

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
