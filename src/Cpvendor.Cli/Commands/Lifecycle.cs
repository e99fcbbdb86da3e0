using System.CommandLine;
using Cpvendor.Core;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary>What the lifecycle commands share: the install's service and how a change is reported.</summary>
internal static class Lifecycle
{
    /// <summary>The install's service, or the one a running <c>cpvendor batch</c> applies its lines to.</summary>
    public static PanelService Service() => BatchService ?? PanelService.ForThisInstall();

    /// <summary>Set by <see cref="BatchCommand"/> while it runs its lines.</summary>
    public static PanelService? BatchService { get; set; }

    /// <summary>Prints the summary and one line per hook; the change is done whatever the hooks did.</summary>
    public static int Report(ParseResult result, ChangeResult change)
    {
        var output = result.Out();
        output.WriteLine(change.Summary);
        foreach (var hook in change.Hooks)
        {
            output.WriteLine(hook.State switch
            {
                HookState.Done => $"hook {hook.CommandLine}: ok",
                HookState.Skipped => $"hook {hook.CommandLine}: skipped ({hook.LastError})",
                _ => $"hook {hook.CommandLine}: queued (#{hook.Id}{(hook.LastError is null ? "" : ": " + hook.LastError)}); 'cpvendor hooks run' retries it",
            });
        }

        return ExitCodes.Success;
    }

    /// <summary>A subcommand with one NAME argument and an action on it.</summary>
    public static Command Simple(string name, string description, string argumentName, Func<PanelService, string, ChangeResult> action)
    {
        var argument = new Argument<string>(argumentName);
        var command = new Command(name, description) { argument };
        command.SetAction(result => Report(result, action(Service(), result.GetValue(argument)!)));
        return command;
    }
}
