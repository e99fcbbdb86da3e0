using Cpvendor.Conformance;
using Cpvendor.Core;
using Cpvendor.Host.Virtualmin;
using Cpvendor.Panel;
using Cpvendor.Sources;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Host;

public sealed partial class Quickstart
{
    /// <summary>
    /// Virtualmin end to end: a sample panel in Virtualmin's own files under DIR/root, an install
    /// that becomes Virtualmin's pre/post-change command, the files as the source, a sync, what
    /// could not be served, and the checker's verdict (docs/panels/virtualmin.md).
    /// </summary>
    private int RunVirtualmin(string? dir, int users)
    {
        dir = dir is null ? QuickstartFolder.CreateFresh() : QuickstartFolder.Prepare(Path.GetFullPath(dir));
        var store = Path.Combine(dir, "panel.db");
        var root = Path.Combine(dir, "root");

        output.WriteLine($"1. Sample Virtualmin panel: {Path.Combine(root, VirtualminSample.ConfigDir)}");
        var written = VirtualminSample.Write(root, users);
        output.WriteLine($"   {written.Servers} top-level servers, {written.SubServers} sub-servers, {written.Aliases} alias servers, plans, a reseller");

        output.WriteLine($"2. Install into {root}, as Virtualmin's pre- and post-change command");
        StoreInitializer.Create(store, 0, seed: 1);
        var config = new Installer(new IndentedWriter(output)).Install(new InstallOptions(root, store) { VirtualminConfigDir = "/" + VirtualminSample.ConfigDir });
        var panel = new PanelService(config);
        foreach (var (identifier, version) in VirtualminSample.PhpVersions)
        {
            var prefix = "/opt/alt/php" + version.Replace(".", "", StringComparison.Ordinal);
            panel.AddPhp(new PhpVersionRow(identifier, version, prefix + "/usr/lib64/php/modules", prefix, prefix + "/usr/bin/php", prefix + "/etc/php.ini", prefix + "/etc/php.d", false, identifier + "-fpm"));
        }

        // Domains run by mod_php (or with no PHP) answer with the panel's default PHP.
        panel.UpdatePanel(new PanelUpdate(Name: "Virtualmin", DefaultPhp: VirtualminSample.PhpVersions[^1].Identifier, DefaultHandler: "fpm"));

        output.WriteLine("3. The Virtualmin files as the source, and a sync:");
        new SourceSettings(SourceKind.Virtualmin, null, null, DeriveHooks: true).Save(store, "/" + VirtualminSample.ConfigDir);
        var report = SyncRunner.Run(config);
        output.WriteLine($"   {report.Users} accounts and {report.Domains} domains served");
        foreach (var record in SyncStatus.Read(config, DateTimeOffset.UtcNow).Unmapped)
            output.WriteLine($"   unmapped: {record}");

        var ini = InstallLayout.IntegrationIniUnder(config.Root);
        output.WriteLine("4. The conformance checker runs every script from integration.ini as CloudLinux runs it:");
        var verdict = RunChecker(ini);

        output.WriteLine();
        output.WriteLine("Next:");
        output.WriteLine($"  grep command {Path.Combine(root, VirtualminSample.ConfigDir, "config")}");
        output.WriteLine($"  {InstallLayout.BinaryUnder(root)} sync --status");
        output.WriteLine($"  {InstallLayout.BinaryUnder(root)} cpapi domains --with-php");
        output.WriteLine("  docs/panels/virtualmin.md to set up a real Virtualmin host.");
        return verdict.ExitCode;
    }
}
