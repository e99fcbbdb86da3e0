using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Panel.Selector;
using Cpvendor.Store;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// <c>cpvendor user restore NAME [--reset-selector] [--dry-run]</c>: after the account's files are
/// back, optionally recreates its PHP Selector settings, then fires the restore hook
/// (docs/contract.md section 5; docs/lifecycle.md).
/// </summary>
internal static class RestoreCommand
{
    public static int Run(ParseResult result, string name, bool resetSelector, bool dryRun)
    {
        var output = result.Out();
        var service = Lifecycle.Service();
        if (resetSelector)
        {
            using (var reader = PanelReader.Open(service.Config.Store))
            {
                if (!reader.UserExists(name))
                    throw CpvendorException.Invalid($"no user '{SelectorReset.Account(name)}'");
            }

            foreach (var line in SelectorReset.Run(service.Config, name, dryRun))
                output.WriteLine(line);
        }

        if (dryRun)
        {
            output.WriteLine($"would fire: post_modify_user.py restore --username {SelectorReset.Account(name)}");
            return 0;
        }

        return Lifecycle.Report(result, service.RestoreUser(name));
    }
}
