using System.Globalization;

namespace Cpvendor.Bench;

/// <summary>
/// Peak memory of a command, measured apart from the timings. The timed children come from
/// posix_spawn, which shares this (large) process's memory until exec, and the kernel carries that
/// high-water mark into the child's ru_maxrss; GNU time forks from a process of about 2 MB instead.
/// </summary>
internal sealed class RssProbe(string folder)
{
    public const string Time = "/usr/bin/time";

    public static bool Available => File.Exists(Time);

    /// <summary>The largest peak RSS in kilobytes over <paramref name="runs"/> runs, or null without GNU time.</summary>
    public long? PeakKilobytes(Command command, int runs)
    {
        if (!Available)
            return null;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b1_111_111_111);
        var report = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        using var probe = new Command("time", Time, ["-f", "%M", "-o", report, command.File, .. command.Args], command.RunAs);
        long peak = 0;
        for (var i = 0; i < runs; i++)
        {
            ProcessTimer.Run(probe);
            peak = Math.Max(peak, long.Parse(File.ReadAllText(report).Trim(), CultureInfo.InvariantCulture));
        }

        File.Delete(report);
        return peak;
    }
}
