using System.Globalization;
using System.Text;

namespace Cpvendor.Bench;

/// <summary>The samples of one program for one call.</summary>
internal sealed class Series(string program)
{
    private readonly List<Sample> samples = [];

    public string Program { get; } = program;

    public int Count => samples.Count;

    public void Add(Sample sample) => samples.Add(sample);

    public double MedianMs => Percentile(samples.Select(s => s.WallMicroseconds), 0.5) / 1000;

    public double P90Ms => Percentile(samples.Select(s => s.WallMicroseconds), 0.9) / 1000;

    public double CpuMs => Percentile(samples.Select(s => (double)s.CpuMicroseconds), 0.5) / 1000;

    /// <summary>Peak RSS measured by <see cref="RssProbe"/>; NaN when GNU time is not installed.</summary>
    public double PeakRssMb { get; set; } = double.NaN;

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return double.NaN;
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}

/// <summary>Ours, cat and Python for one call.</summary>
internal sealed record CallResult(Call Call, long AnswerBytes, Series Ours, Series Cat, Series Python, Series? Baseline = null)
{
    public double VsCat => Ours.MedianMs / Cat.MedianMs;

    public double PythonVsOurs => Python.MedianMs / Ours.MedianMs;

    public double CatTarget => Call.Size == CallSize.Small ? 2.5 : 4;
}

/// <summary>Prints the figures as a Markdown table followed by one verdict per target.</summary>
internal static class Report
{
    public const double PythonTarget = 25;
    public const double SmallRssTargetMb = 20;

    /// <summary>A call of privileged mode through sudo, against sudo running cat of the same bytes.</summary>
    public const double SudoTarget = 1.5;

    public static string Render(IReadOnlyList<CallResult> results, Series emptyMain, string header)
    {
        // The reference row is against cat of a small answer, or of the first call timed when --only left none.
        var smallCat = (results.FirstOrDefault(r => r.Call.Size == CallSize.Small) ?? results[0]).Cat;
        var sb = new StringBuilder();
        sb.Append(header);
        sb.Append("| call | program | runs | median ms | p90 ms | CPU ms | peak RSS MB | × cat | CPU × cat | python ÷ ours |\n");
        sb.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            var call = $"{r.Call.Label} ({Size(r.AnswerBytes)})";
            Row(sb, call, r.Ours, r.Cat, r.PythonVsOurs);
            if (r.Baseline is { } baseline)
                Row(sb, "", baseline, r.Cat, r.Python.MedianMs / baseline.MedianMs);
            Row(sb, "", r.Cat, r.Cat, null);
            Row(sb, "", r.Python, r.Cat, null);
        }

        Row(sb, "reference", emptyMain, smallCat, null);
        sb.Append('\n');
        sb.Append("× cat: wall-clock median over the median of `cat` printing the same bytes (the reference row: over `cat` of the panel_info answer); ");
        sb.Append("CPU × cat: the same with user+system CPU time, which a busy machine disturbs less. Peak RSS: largest of a few runs under GNU time.\n\n");

        // Privileged mode: root's calls are held to the default install's targets against cat; a call
        // through sudo to 1.5× sudo running cat of the same bytes (sudo's own cost is the baseline).
        var targeted = results.Where(r => !r.Call.Privileged).ToList();
        sb.Append("| target | call | figure | verdict |\n|---|---|---:|---|\n");
        foreach (var r in results.Where(r => !r.Call.ThroughSudo))
        {
            var size = r.Call.Size == CallSize.Small ? "small answer" : "full dump";
            Verdict(sb, $"{size} within {r.CatTarget:0.#}× cat", r.Call.Label, $"{F(r.VsCat)}×", r.VsCat <= r.CatTarget);
        }

        foreach (var r in results.Where(r => r.Call.ThroughSudo))
            Verdict(sb, $"through sudo within {SudoTarget:0.#}× sudo -n cat", r.Call.Label, $"{F(r.VsCat)}×", r.VsCat <= SudoTarget);

        foreach (var r in targeted)
            Verdict(sb, $"≥ {PythonTarget:0}× faster than Python", r.Call.Label, $"{F(r.PythonVsOurs)}×", r.PythonVsOurs >= PythonTarget);
        foreach (var r in targeted.Where(r => r.Call.Size == CallSize.Small))
            Verdict(sb, $"peak RSS < {SmallRssTargetMb:0} MB", r.Call.Label, $"{F(r.Ours.PeakRssMb)} MB", r.Ours.PeakRssMb < SmallRssTargetMb, double.IsNaN(r.Ours.PeakRssMb));
        sb.Append($"\nNativeAOT empty Main: {F(emptyMain.MedianMs)} ms = {F(emptyMain.MedianMs / smallCat.MedianMs)}× `cat` of the panel_info answer ");
        sb.Append($"(the floor of any .NET process here; the 2.5× target leaves {F((2.5 * smallCat.MedianMs) - emptyMain.MedianMs)} ms above it).\n");
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string call, Series s, Series cat, double? pythonVsOurs) =>
        sb.Append(CultureInfo.InvariantCulture,
            $"| {call} | {s.Program} | {s.Count} | {F(s.MedianMs)} | {F(s.P90Ms)} | {F(s.CpuMs)} | {F(s.PeakRssMb)} | {F(s.MedianMs / cat.MedianMs)} | {F(s.CpuMs / cat.CpuMs)} | {(pythonVsOurs is { } p ? F(p) : "")} |\n");

    private static void Verdict(StringBuilder sb, string target, string call, string figure, bool met, bool unknown = false) =>
        sb.Append(CultureInfo.InvariantCulture, $"| {target} | {call} | {figure} | {(unknown ? "not measured (install GNU time)" : met ? "met" : "**not met**")} |\n");

    public static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1024 ? (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB" : bytes + " B";
}
