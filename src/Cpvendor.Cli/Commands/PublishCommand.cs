using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor publish</c>: rewrites every published answer file from the store.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var command = new Command("publish", "Rewrite the public and per-user answer files from the store (run as root).");
        command.SetAction(result =>
        {
            var report = AnswerPublisher.PublishAll(InstallLayout.LoadForThisBinary());
            result.Out().WriteLine($"published {report.Users} per-user files, removed {report.Removed} stale ones");
            return ExitCodes.Success;
        });
        return command;
    }
}
