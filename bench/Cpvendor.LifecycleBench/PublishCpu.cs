using System.Diagnostics;
using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Processes;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

/// <summary>
/// The CPU time of the publish step of a one-account change (the new read-model generation, the
/// answer book and the account's per-user files and panel_info; the Governor map left out), on the
/// installs the lifecycle bench made. Each change is a <c>user add</c> of the installed binary
/// stopped right after its commit (the install's <c>fault-point</c> file names
/// <c>after-commit</c>, which only a throw-away root honours), then the same calls the command would
/// have made are timed here, in this process, by its CPU clock: what grows with the panel shows as a
/// ratio of the two stores measured in turns.
/// </summary>
internal static class PublishCpu
{
    public static void Run(IReadOnlyList<(string Label, string Binary)> installs, int iterations)
    {
        var cpu = installs.ToDictionary(i => i.Label, _ => new List<double>());
        var parts = installs.ToDictionary(i => i.Label, _ => new double[3]);
        for (var i = 0; i < iterations + 1; i++)
        {
            foreach (var (label, binary) in installs)
            {
                var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(binary)!)!)!)!;
                var config = InstallConfig.Parse(File.ReadAllText(InstallLayout.ConfigFileUnder(root)), root);
                var faultPoint = Path.Combine(InstallLayout.Under(root, InstallLayout.EtcDir), "fault-point");
                var uid = (uint)(11_800 + i);
                File.WriteAllText(faultPoint, "after-commit\n");
                try
                {
                    var run = ChildProcess.Run([binary, "user", "add", $"cpu{i}", "--owner", "admin", "--domain", $"cpu{i}.example", "--uid", uid.ToString(CultureInfo.InvariantCulture)],
                        new ChildOptions { Timeout = TimeSpan.FromMinutes(30) });
                    if (run.ExitCode != 137)
                        throw new InvalidOperationException($"user add was not stopped after its commit: {run.ExitCode} {run.StartError}{run.Stderr}");
                }
                finally
                {
                    File.Delete(faultPoint);
                }

                var (total, generation, book, users) = Measure(config, uid);
                // The first round warms this process's code paths up; it is not counted.
                if (i == 0)
                    continue;
                cpu[label].Add(total);
                parts[label][0] += generation / iterations;
                parts[label][1] += book / iterations;
                parts[label][2] += users / iterations;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"publish step of a one-account change, CPU time in this process (medians of {iterations}; parts are means)");
        Console.WriteLine($"{"store",-16} {"total",10} {"generation",12} {"book",10} {"user files",12}");
        foreach (var (label, _) in installs)
            Console.WriteLine($"{label,-16} {Median(cpu[label]),8:F1}ms {parts[label][0],10:F1}ms {parts[label][1],8:F1}ms {parts[label][2],10:F1}ms");
        var first = Median(cpu[installs[0].Label]);
        foreach (var (label, _) in installs.Skip(1))
            Console.WriteLine($"{label} vs {installs[0].Label}: {Median(cpu[label]) / first:F2}x (target: within 2x)");
    }

    private static (double Total, double Generation, double Book, double Users) Measure(InstallConfig config, uint uid)
    {
        var start = Cpu();
        ReadModelPublisher.Publish(config);
        var generation = Cpu();
        // What the command's publish step calls: a patch over the book when the change allows one.
        AnswerBookPublisher.PublishSoon(config);
        var book = Cpu();
        using (var reader = PanelReader.Open(config.Store))
        {
            AnswerPublisher.PublishPanelInfo(config, reader);
            AnswerPublisher.PublishUsers(config, reader, [uid]);
        }

        var users = Cpu();
        return (users - start, generation - start, book - generation, users - book);
    }

    private static double Cpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
