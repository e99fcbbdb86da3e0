using System.Diagnostics;
using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Processes;

/// <summary>
/// What the large store costs beside time: the peak memory of the commands that handle every account
/// (GNU time's maximum resident set of the whole process) and what the published files take on disk,
/// part by part (<c>du</c>: allocated blocks, not lengths), with the per-user files counted by kind.
/// </summary>
internal static class Footprint
{
    /// <summary>Runs a command under <c>/usr/bin/time</c>: its wall time and peak resident set in KiB.</summary>
    public static (TimeSpan Elapsed, long PeakKiB) Peak(string binary, params string[] args)
    {
        var (elapsed, peak, _) = PeakMemory.Run(binary, args);
        return (elapsed, peak);
    }

    public static void Report(IReadOnlyList<(string Label, string Binary)> installs)
    {
        Console.WriteLine();
        Console.WriteLine("publish (forced) peak memory, and the published files on disk (du, MB)");
        foreach (var (label, binary) in installs)
        {
            var publish = Peak(binary, "publish");
            var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(binary)!)!)!)!;
            var config = InstallConfig.Parse(File.ReadAllText(InstallLayout.ConfigFileUnder(root)), root);
            var parts = Directory.EnumerateDirectories(config.DataDir).Order(StringComparer.Ordinal)
                .Select(d => $"{Path.GetFileName(d)} {Du(d):F1}");
            var kinds = Directory.Exists(config.UsersDir)
                ? Directory.EnumerateFiles(config.UsersDir).GroupBy(f => Path.GetExtension(f)).Select(g => $"{g.Count()} {g.Key}")
                : [];
            Console.WriteLine($"{label}: publish {publish.Elapsed.TotalSeconds:F1} s, peak RSS {publish.PeakKiB / 1024.0:F0} MB; "
                + $"DATA {Du(config.DataDir):F1} MB ({string.Join(", ", parts)}); users/ holds {string.Join(", ", kinds)}");
        }
    }

    /// <summary>Allocated size of a folder in MB, as <c>du -sk</c> counts it.</summary>
    private static double Du(string folder)
    {
        var run = ChildProcess.Run(["/usr/bin/du", "-sk", folder], new ChildOptions { Timeout = TimeSpan.FromMinutes(10) });
        return long.Parse(run.Stdout.Split('\t')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
