using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Host.Plan;
using Cpvendor.Store;

namespace Cpvendor.Host;

/// <summary>
/// Installs cpvendor into a root as a plan of small idempotent steps (docs/contract.md sections 4, 6 and
/// 7): folders, the binary, its settings, integration.ini, store permissions, published answers,
/// the CageFS files, in privileged mode the sudo and proxyexec pieces, then the CageFS refresh and
/// the admin create hook. A dry run checks every step and applies none; a second run finds every
/// step satisfied and touches nothing; what was created or modified goes into a manifest that
/// <see cref="Uninstall"/> undoes. Every path lands under the root, so a whole host can be laid out
/// in a throw-away folder.
/// </summary>
public sealed class Installer
{
    private readonly TextWriter log;

    public Installer(TextWriter log) => this.log = log;

    /// <summary>Installs and returns the installation's settings (what quickstart and tests use).</summary>
    public InstallConfig Install(InstallOptions options) => Run(options, dryRun: false).Config;

    public InstallReport Run(InstallOptions options, bool dryRun)
    {
        var root = Path.GetFullPath(options.Root);
        var store = Path.GetFullPath(options.Store);
        if (!File.Exists(store))
            throw CpvendorException.Invalid($"no panel store at {store}: create one with 'cpvendor init --store {store}'");
        if (options.ServicePort is < 1 or > 65535)
            throw CpvendorException.Invalid($"--service-port {options.ServicePort} is not a TCP port");
        var source = options.Binary ?? Environment.ProcessPath ?? throw CpvendorException.Invalid("cannot find the running binary");

        // An older store is brought to this binary's schema before any step reads it.
        if (!dryRun)
            PanelStore.OpenForWrite(store).Dispose();

        var manifest = InstallManifest.Load(root);
        var context = new StepContext(root, manifest, log);
        var config = Config(root, store, options);
        var steps = new InstallPlan(options, root, store, source, () => config with { AdminGid = Libc.GroupId(options.AdminGroup) }).Steps();
        var outcomes = new List<StepOutcome>();
        foreach (var step in steps)
        {
            var reason = step.Check(context);
            if (reason is null)
            {
                outcomes.Add(new StepOutcome(step.Description, StepState.Satisfied, null));
                continue;
            }

            if (step.Raises is { } tag)
                context.Raised.Add(tag);
            if (dryRun)
            {
                outcomes.Add(new StepOutcome(step.Description, StepState.Planned, reason));
                continue;
            }

            step.Apply(context);
            outcomes.Add(new StepOutcome(step.Description, StepState.Applied, reason));
        }

        if (!dryRun)
            manifest.Save(context.AsRoot);
        return new InstallReport(config with { AdminGid = Libc.GroupId(options.AdminGroup) }, outcomes, context.Warnings, dryRun);
    }

    /// <summary>Takes back everything the manifest under the root records; the store is never deleted.</summary>
    public UninstallReport Uninstall(string root) => Undoer.Undo(Path.GetFullPath(root), log);

    private static InstallConfig Config(string root, string store, InstallOptions options)
    {
        bool storeAllowsDuplicates;
        using (var reader = PanelReader.Open(store))
            storeAllowsDuplicates = reader.Settings().AllowDuplicateUids;
        return InstallConfig.ForRoot(root, store, options.AdminGroup) with
        {
            SystemUsers = options.SystemUsers,
            HookTimeoutSeconds = (int)options.HookTimeout.TotalSeconds,
            AdminHookFlag = options.AdminHookFlag,
            AllowDuplicateUids = options.AllowDuplicateUids || storeAllowsDuplicates,
        };
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
