using Cpvendor.Conformance;
using Cpvendor.Conformance.Preflight;
using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Host;

/// <summary>
/// The main job end to end on the embedded default: a sample store, an install into a local root,
/// every script run from integration.ini the way CloudLinux runs it, and the results shown. It runs
/// as root and then runs the installed lines as root, so it works only in a folder that root alone
/// can change (<see cref="QuickstartFolder"/>), and checks that again right before the checker runs.
/// </summary>
public sealed partial class Quickstart
{
    private readonly TextWriter output;

    public Quickstart(TextWriter output) => this.output = output;

    /// <summary>The quickstart on the sample data of a panel cpvendor reads directly (<c>--panel</c>).</summary>
    public int Run(string? dir, int users, string panel)
    {
        if (panel == "virtualmin")
            return RunVirtualmin(dir, users);
        return Run(dir, users);
    }

    /// <summary>Runs in a new private folder under /tmp (<paramref name="dir"/> null) or in the folder given.</summary>
    public int Run(string? dir, int users)
    {
        dir = dir is null ? QuickstartFolder.CreateFresh() : QuickstartFolder.Prepare(Path.GetFullPath(dir));
        var store = Path.Combine(dir, "panel.db");
        var root = Path.Combine(dir, "root");

        output.WriteLine($"1. Sample panel store: {store}");
        var created = StoreInitializer.Create(store, users, seed: 1);
        output.WriteLine($"   {created.Users} accounts, {created.Domains} domains, {created.Resellers} resellers");

        output.WriteLine($"2. Install into {root}");
        var config = new Installer(new IndentedWriter(output)).Install(new InstallOptions(root, store));

        var ini = InstallLayout.IntegrationIniUnder(config.Root);

        output.WriteLine("3. The conformance checker runs every script from integration.ini as CloudLinux runs it:");
        var report = RunChecker(ini);

        output.WriteLine();
        output.WriteLine("Next:");
        output.WriteLine($"  cpvendor check --ini {ini} --format html --out report.html");
        output.WriteLine($"  cat {InstallLayout.IntegrationIniUnder(root)}");
        output.WriteLine($"  {InstallLayout.BinaryUnder(root)} cpapi users --fields=id,username");
        output.WriteLine("  docs/install.md to install on a real host; docs/security.md for who may see what.");
        return report.ExitCode;
    }

    /// <summary>
    /// The same, with the panel's data in a panel's own database: after the install,
    /// <paramref name="attach"/> fills the panel database with sample data in that panel's format,
    /// points the install at it and syncs (it returns what to release at the end, such as a private
    /// database server); then the checker runs as above.
    /// </summary>
    public int RunWithSource(string? dir, int users, string panel, Func<string, InstallConfig, TextWriter, IDisposable?> attach)
    {
        ArgumentNullException.ThrowIfNull(attach);
        dir = dir is null ? QuickstartFolder.CreateFresh() : QuickstartFolder.Prepare(Path.GetFullPath(dir));
        var store = Path.Combine(dir, "panel.db");
        var root = Path.Combine(dir, "root");
        output.WriteLine($"1. Panel store (settings; the accounts come from {panel}): {store}");
        StoreInitializer.Create(store, users, seed: 1);

        output.WriteLine($"2. Install into {root}");
        var config = new Installer(new IndentedWriter(output)).Install(new InstallOptions(root, store));

        output.WriteLine($"3. Sample {panel} panel, then cpvendor sync from it:");
        using var step = new IndentedWriter(output);
        using var attached = attach(store, config, step);

        var ini = InstallLayout.IntegrationIniUnder(config.Root);
        output.WriteLine("4. The conformance checker runs every script from integration.ini as CloudLinux runs it:");
        var report = RunChecker(ini);
        output.WriteLine();
        output.WriteLine("Next:");
        output.WriteLine($"  {InstallLayout.BinaryUnder(root)} cpapi domains --with-php");
        output.WriteLine($"  {InstallLayout.BinaryUnder(root)} sync --status");
        return report.ExitCode;
    }

    /// <summary>The checker on the fresh install, after making sure, right before root runs the lines, that the ini and every program are still root's alone.</summary>
    private ConformanceReport RunChecker(string ini)
    {
        if (TrustPreflight.Refusal(ini) is { } refusal)
            throw CpvendorException.Untrusted($"refusing to run the checker as root: {refusal}");
        var report = Checker.Run(new CheckerOptions(ini));
        using var step = new IndentedWriter(output);
        ReportWriter.WriteVerdict(report, step);
        return report;
    }

    private sealed class IndentedWriter(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value) => inner.WriteLine("   " + value);
    }
}
