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
        options.Lvemanager.Validate();
        var source = options.Binary ?? Environment.ProcessPath ?? throw CpvendorException.Invalid("cannot find the running binary");
        if (Libc.GetEuid() == 0)
        {
            RequireTrustedRoot(root);

            // Before the store is opened: SQLite creates its journal beside it, as root.
            Core.Paths.TrustedPath.Require(Path.GetDirectoryName(store) ?? "/", "the store's folder");
        }

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
        {
            manifest.RecordOptions(Choices.InstallChoices.Of(options));
            manifest.Save(context.AsRoot);
        }

        return new InstallReport(config with { AdminGid = Libc.GroupId(options.AdminGroup) }, outcomes, context.Warnings, dryRun);
    }

    /// <summary>
    /// The options of an install into <paramref name="root"/>: those given, and for every option not
    /// given the one the last install recorded (unless <paramref name="fromDefaults"/>), else the
    /// default. This is how an RPM upgrade, which runs a plain install, keeps the host as it was set up.
    /// </summary>
    public static InstallOptions Resolve(string root, string store, string? binary, Choices.InstallChoices given, bool fromDefaults = false)
    {
        ArgumentNullException.ThrowIfNull(given);
        var full = Path.GetFullPath(root);
        var recorded = fromDefaults ? null : InstallManifest.Load(full).RecordedOptions();
        return (recorded is null ? given : given.Over(recorded)).ToOptions(root, store, binary);
    }

    /// <summary>The options the last install into <paramref name="root"/> recorded, or null.</summary>
    public static Choices.InstallChoices? RecordedOptions(string root) => InstallManifest.Load(Path.GetFullPath(root)).RecordedOptions();

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

    /// <summary>
    /// As root, install writes, chowns and later runs what it puts under the root, so the root (or,
    /// while it does not exist, the nearest folder above it that does) must be root's alone: a user
    /// who could change a folder on the way could swap any part of the install for a link
    /// (docs/security.md, "Paths root trusts").
    /// </summary>
    private static void RequireTrustedRoot(string root)
    {
        var existing = Core.Paths.TrustedPath.NearestExisting(root);

        // A folder above a missing root may be sticky like /tmp: install makes each missing folder
        // with mkdir(2), which fails on a name someone else took first.
        if (existing == root)
            Core.Paths.TrustedPath.Require(root, "the install root");
        else
            Core.Paths.TrustedPath.RequireAsParent(existing, "the folder above the install root");
    }

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
