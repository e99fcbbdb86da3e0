using System.Globalization;
using System.Text;

namespace Cpvendor.Bench;

/// <summary>
/// The measured build beside an earlier one timed in the same rounds: each call's ratios to <c>cat</c>,
/// time and CPU over the earlier build's, peak RSS of both, and the size of every shipped binary.
/// </summary>
internal static class BaselineReport
{
    /// <summary>How much larger than the earlier build's a binary may be.</summary>
    public const double SizeTolerance = 0.05;

    public static string Render(IReadOnlyList<CallResult> results, Installation ours, Installation baseline)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"\nThis build (`{ours.Binaries}`) beside the baseline (`{baseline.Binaries}`), timed in the same rounds:\n\n");
        sb.Append("| call | × cat | baseline × cat | median ÷ baseline | CPU ÷ baseline | peak RSS MB | baseline peak RSS MB |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var r in results)
        {
            if (r.Baseline is not { } before)
                continue;
            sb.Append(CultureInfo.InvariantCulture,
                $"| {r.Call.Label} | {Report.F(r.VsCat)} | {Report.F(before.MedianMs / r.Cat.MedianMs)} | {Report.F(r.Ours.MedianMs / before.MedianMs)} | {Report.F(r.Ours.CpuMs / before.CpuMs)} | {Report.F(r.Ours.PeakRssMb)} | {Report.F(before.PeakRssMb)} |\n");
        }

        sb.Append("\n| binary | bytes | baseline bytes | change | verdict |\n|---|---:|---:|---:|---|\n");
        foreach (var name in Installation.Shipped)
        {
            var now = ours.Size(name);
            var then = baseline.Size(name);
            if (then == 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {name} | {now:N0} | none | new | |\n");
                continue;
            }

            var change = ((double)now / then) - 1;
            var verdict = change <= SizeTolerance ? "met" : "**not met**";
            sb.Append(CultureInfo.InvariantCulture,
                $"| {name} | {now:N0} | {then:N0} | {change * 100:+0.0;-0.0;0.0} % | within {SizeTolerance * 100:0} %: {verdict} |\n");
        }

        return sb.ToString();
    }
}
