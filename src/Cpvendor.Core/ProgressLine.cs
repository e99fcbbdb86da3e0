using System.Diagnostics;
using System.Globalization;

namespace Cpvendor.Core;

/// <summary>
/// One step's line of <see cref="TerminalProgress"/>: <c>WHAT: DONE/TOTAL (P%)</c>, redrawn in place
/// at most every 200 ms and ended by a new line when the step is disposed. Without a terminal it
/// does nothing.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private static readonly long RedrawTicks = Stopwatch.Frequency / 5;

    private readonly Action<string, bool>? draw;
    private readonly string what;
    private readonly long total;
    private long done;
    private long drawnAt;

    internal ProgressLine(Action<string, bool>? draw, string what, long total)
    {
        this.draw = draw;
        this.what = what;
        this.total = total;
        drawnAt = Stopwatch.GetTimestamp();
        draw?.Invoke(Text(), false);
    }

    public void Advance(long items = 1)
    {
        done += items;
        if (draw is null)
            return;
        var now = Stopwatch.GetTimestamp();
        if (now - drawnAt < RedrawTicks)
            return;
        drawnAt = now;
        draw(Text(), false);
    }

    public void Dispose() => draw?.Invoke(Text(), true);

    private string Text()
    {
        var percent = total > 0 ? Math.Min(100, done * 100 / total) : 100;
        return string.Create(CultureInfo.InvariantCulture, $"{what}: {done:N0}/{total:N0} ({percent}%)");
    }
}
