namespace Cpvendor.Core;

/// <summary>
/// Progress of the steps that take seconds on a large panel (making a sample store, publishing every
/// account's answers), shown on one line of a terminal and nowhere else: the command line turns it
/// on only when its error stream is a terminal (<see cref="ShowOn"/>), so a timer, a panel's job
/// runner or a pipe gets no output beyond what the command always prints. Steps of fewer than
/// <see cref="MinimumTotal"/> items print nothing.
/// </summary>
public sealed class TerminalProgress
{
    /// <summary>Below this many items a step is short enough to need no progress line.</summary>
    public const long MinimumTotal = 1_000;

    private readonly TextWriter? terminal;

    private TerminalProgress(TextWriter? terminal) => this.terminal = terminal;

    /// <summary>Where steps report now: nowhere until a command line says its error stream is a terminal.</summary>
    public static TerminalProgress Current { get; private set; } = new(null);

    /// <summary>Shows progress on <paramref name="error"/> when it is a terminal; otherwise nothing is shown.</summary>
    public static void ShowOn(TextWriter error, bool isTerminal) => Current = new(isTerminal ? error : null);

    /// <summary>A step of <paramref name="total"/> items; dispose it when done.</summary>
    public ProgressLine Start(string what, long total) =>
        new(terminal is not null && total >= MinimumTotal ? Draw : null, what, total);

    private void Draw(string line, bool last)
    {
        terminal!.Write('\r');
        terminal.Write(line);
        if (last)
            terminal.Write('\n');
        terminal.Flush();
    }
}
