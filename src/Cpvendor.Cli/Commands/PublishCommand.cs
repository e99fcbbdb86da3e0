using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor publish</c>: rewrites every published answer file from the store.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var bookOnly = new Option<bool>("--answer-book")
        {
            Description = "Only bring the answer book in step with the current read model (what a lifecycle command starts after its commit)",
        };
        var command = new Command("publish", "Rewrite the public and per-user answer files from the store (run as root).") { bookOnly };
        command.SetAction(result =>
        {
            if (result.GetValue(bookOnly))
            {
                // Started by a lifecycle command or a root call and not waited for: it must outlive
                // whatever ends the group of the process that started it (ARCHITECTURE.md).
                Cpvendor.Core.Native.Libc.StartOwnSession();
                AnswerBookPublisher.Publish(InstallLayout.LoadForThisBinary());
                return ExitCodes.Success;
            }

            var report = AnswerPublisher.PublishAll(InstallLayout.LoadForThisBinary());
            result.Out().WriteLine($"published {report.Users} per-user files, removed {report.Removed} stale ones");
            return ExitCodes.Success;
        });
        return command;
    }
}
