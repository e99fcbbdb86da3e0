using System.Globalization;

namespace Cpvendor.Bench;

/// <summary>How many runs each program gets; the Python baseline and full dumps are slower, so fewer.</summary>
internal sealed record RunCounts(int WarmUp, int SmallFast, int SmallPython, int DumpFast, int DumpPython);

/// <summary>The command line of the benchmark.</summary>
/// <param name="Baseline">A folder holding an earlier build's binaries, timed beside ours (<c>--baseline DIR</c>).</param>
/// <param name="Only">Times only the calls whose label contains this text (<c>--only TEXT</c>), for a quick look at one call.</param>
internal sealed record BenchOptions(bool Quick, int Accounts, bool Keep, string? Baseline, string? Only = null)
{
    public RunCounts Runs => Quick ? new(1, 20, 5, 8, 3) : new(3, 200, 40, 60, 15);

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var keep = false;
        var accounts = 10_000;
        string? baseline = null;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--accounts" when i + 1 < args.Length:
                    accounts = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--baseline" when i + 1 < args.Length:
                    baseline = Path.GetFullPath(args[++i]);
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}': use --quick, --accounts N, --keep, --baseline DIR, --only TEXT");
            }
        }

        return new BenchOptions(quick, accounts, keep, baseline, only);
    }

    /// <summary>The checkout root: the first folder holding cpvendor.slnx, from here or from the build output upwards.</summary>
    public static string FindRepo()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                    return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the cpvendor checkout");
    }
}
