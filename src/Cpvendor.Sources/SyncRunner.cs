using System.Data.Common;
using System.Diagnostics;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Panel;
using Cpvendor.Sources.Diff;
using Cpvendor.Sources.MySql;
using Cpvendor.Sources.Postgres;
using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Storage;
using Cpvendor.Sources.Validation;
using Cpvendor.Sources.Virtualmin;
using Cpvendor.Store;

namespace Cpvendor.Sources;

/// <summary>
/// <c>cpvendor sync</c>: reads the panel database, admits what it can record by record (the rest keeps
/// its last accepted version and is listed, docs/contract.md section 8), derives the hooks,
/// and hands them to the lifecycle's durable outbox (docs/contract.md section 5): the pre hooks are stored
/// and delivered while the store still serves the old data, then one transaction replaces the store
/// and stores the post hooks with the effects of the change (per-user answers, panel_info, the
/// Governor map), and a delivery pass carries out the effects before it runs any post hook. A hook
/// that fails stays pending, is retried with backoff by later syncs and <c>cpvendor hooks run</c>,
/// and holds back the later events of its account. Any failure before the transaction leaves the
/// last good data serving and is recorded for <see cref="SyncStatus"/>; past the maximum age the
/// published files are withdrawn so that end users get InternalAPIError too (the store path checks
/// the age itself).
/// </summary>
public static class SyncRunner
{
    public static SyncReport Run(InstallConfig config, Func<DateTimeOffset>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        clock ??= () => DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var store = PanelStore.OpenForWrite(config.Store);
        var settings = SourceSettings.Read(store);
        if (settings.Kind == SourceKind.Embedded)
            throw CpvendorException.Invalid("this install serves from its embedded store; point it at the panel first: cpvendor settings source mysql|postgres|ispconfig --connection-string ... or cpvendor settings source virtualmin");
        // One sync at a time per store: two would read the same "before" and derive the same hooks twice.
        using var serial = FileLock.Acquire(config.Store + ".sync.lock", TimeSpan.FromSeconds(config.HookTimeoutSeconds + 30), $"another sync of {config.Store} still runs; try again");

        AdmittedSnapshot admitted;
        PanelSnapshot before;
        IViewSource source;
        string? marker;
        try
        {
            source = CreateSource(config, store, settings);
            // docs/contract.md section 5 still holds for a skipped read: nothing changed, so no hook is owed.
            marker = source is IChangeMarker cheap ? cheap.ReadMarker(settings.Server) : null;
            if (marker is not null && marker == SourceState.ChangeMarker(store) && LastGoodSync(store) is not null && File.Exists(config.PanelInfoFile))
                return Unchanged(config, store, clock, watch);
            before = LocalSnapshot.Read(store);
            admitted = ReadAdmitted(config, store, settings, source, before);
        }
        catch (Exception e) when (e is CpvendorException or DbException or IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException)
        {
            var message = e is CpvendorException ? e.Message : $"panel database unreachable or failing: {e.GetType().Name}: {e.Message.Trim()}";
            RecordFailure(store, message, clock());
            WithdrawIfTooOld(config, store, clock());
            throw e as CpvendorException ?? CpvendorException.Io(message, e);
        }

        var read = watch.Elapsed;
        var snapshot = admitted.Snapshot;
        var firstSync = LastGoodSync(store) is null;
        var changes = SnapshotChanges.Between(before, snapshot);
        // The first sync sets the baseline: every account would look new.
        var events = settings.DeriveHooks && !firstSync ? HookDeriver.Derive(before, snapshot) : [];
        if (settings.Kind == SourceKind.Virtualmin)
            events = VirtualminEvents.WithoutAnnounced(config, events, clock());
        var pre = events.Where(e => e.Phase == HookPhase.Pre).ToList();
        if (pre.Count > 0)
        {
            // The pre hooks see the account still served. One that fails stays pending ahead of the
            // account's post events, which wait behind it.
            SnapshotApplier.Enqueue(store, pre);
            HookDelivery.RunPending(config, ignoreBackoff: false);
        }

        var now = clock().ToUnixTimeSeconds();
        var republishAll = firstSync || !File.Exists(config.PanelInfoFile);
        if (changes.Any || republishAll)
        {
            var post = events.Where(e => e.Phase == HookPhase.Post).ToList();
            SnapshotApplier.Apply(store, changes.Any || firstSync ? snapshot : null, now, post, Effects(changes, republishAll), IdentityRulesOf(config),
                staffHooks: settings.DeriveHooks && !firstSync);
        }
        else
        {
            MarkGood(store, now);
        }

        // The marker goes with the read it came before, and only once that read is applied: a crash
        // before this line costs the next sync a read, never a change.
        SourceState.SaveRead(store, marker, source is IUnmappedRecords records ? records.Unmapped : [], admitted.Rejected);
        var apply = watch.Elapsed - read;
        // Publishes what the change made stale, then delivers this sync's hooks and retries earlier ones.
        var delivery = HookDelivery.RunPending(config, ignoreBackoff: false);
        // Every sync writes the store (at least its sync state), which retires the snapshots of the
        // unfiltered admin answers; rebuild them so full lists stay as fast as on the embedded store.
        AnswerPublisher.PublishAdminAnswers(config);
        var publish = watch.Elapsed - read - apply;
        return new SyncReport(snapshot.Users.Count, snapshot.Domains.Count, changes.Any, changes.Uids.Count, events, delivery, read, apply, publish) { Rejected = admitted.Rejected };
    }

    private static List<PanelEffect> Effects(SnapshotChanges changes, bool republishAll)
    {
        // panel_info is always rewritten: publishing it stamps the store revision the answers reflect.
        List<PanelEffect> effects = [PanelEffect.PanelInfo];
        if (republishAll)
            effects.Add(PanelEffect.AllUsers);
        else
            effects.AddRange(changes.Uids.Order().Select(PanelEffect.User));
        if (changes.GovernorMap)
            effects.Add(PanelEffect.GovernorMap);
        // PHP Selector's native.conf follows the panel's PHP versions; it is rewritten only when it differs.
        effects.Add(PanelEffect.NativePhp);
        return effects;
    }

    /// <summary>The marker matched the last good read: nothing to read, only the sync state, the retries and the admin answers.</summary>
    private static SyncReport Unchanged(InstallConfig config, StoreSession store, Func<DateTimeOffset> clock, Stopwatch watch)
    {
        var read = watch.Elapsed;
        MarkGood(store, clock().ToUnixTimeSeconds());
        var apply = watch.Elapsed - read;
        var delivery = HookDelivery.RunPending(config, ignoreBackoff: false);
        AnswerPublisher.PublishAdminAnswers(config);
        var (users, domains) = SourceState.Counts(store);
        return new SyncReport(users, domains, false, 0, [], delivery, read, apply, watch.Elapsed - read - apply) { Unchanged = true, Rejected = SourceState.Rejected(store) };
    }

    /// <summary>The reader of the configured source: the cpvendor_* views, or a panel's own tables.</summary>
    internal static IViewSource CreateSource(InstallConfig config, StoreSession store, SourceSettings settings)
    {
        var connectionString = SourceSettings.ReadSecret(config.Store);
        return settings.Kind switch
        {
            SourceKind.MySql => new MySqlViewSource(connectionString),
            SourceKind.IspConfig => new IspConfig.IspConfigSource(connectionString, config.Root, () => PhpSetupOf(store)),
            SourceKind.Virtualmin => new VirtualminSource(config, connectionString, () => PhpSetupOf(store)),
            _ => new PostgresViewSource(connectionString),
        };
    }

    /// <summary>The PHP builds and default the administrator set in the store (docs/panels/php.md).</summary>
    private static Php.PhpSetup PhpSetupOf(StoreSession store)
    {
        using var reader = new PanelReader(store);
        return new Php.PhpSetup(reader.PhpVersionRows(), reader.Settings().DefaultPhp);
    }

    /// <summary>
    /// Reads this host's snapshot and judges it record by record against what the store serves
    /// (docs/contract.md section 8): what can be accepted is, the rest keeps its last accepted version
    /// and is listed. Only a problem of the whole read (a missing column) throws.
    /// </summary>
    private static AdmittedSnapshot ReadAdmitted(InstallConfig config, StoreSession store, SourceSettings settings, IViewSource source, PanelSnapshot before)
    {
        var problems = new SourceProblems();
        var snapshot = FleetSlice.Of(source.Read(settings.Server, problems), settings.Server);
        bool allowDuplicates;
        using (var reader = new PanelReader(store))
            allowDuplicates = reader.Settings().AllowDuplicateUids;

        // Before the first good sync the store serves nothing of the panel's: no version to keep.
        var served = LastGoodSync(store) is null ? new PanelSnapshot([], [], [], [], [], [], []) : before;
        var rules = new SnapshotRules(LoginDefs.UidMaxUnder(config.Root), allowDuplicates, IdentityRulesOf(config));
        var admitted = Admission.Admit(snapshot, served, problems, rules, new RecordLabels(settings.Kind));
        if (problems.Failures.Count > 0)
            throw CpvendorException.Invalid(problems.Summary());
        return admitted;
    }

    /// <summary>The host's account uid range and UNIX accounts, as the lifecycle commands judge them.</summary>
    internal static IdentityRules IdentityRulesOf(InstallConfig config) =>
        new(Core.LoginDefs.UidMin(config.LoginDefs), Core.LoginDefs.UidMax(config.LoginDefs),
            name => Core.Native.Libc.Account(name)?.Uid);

    private static long? LastGoodSync(StoreSession store) => store.Source()?.LastGoodSync;

    private static void MarkGood(StoreSession store, long now) => store.MarkSyncGood(now);

    private static void RecordFailure(StoreSession store, string message, DateTimeOffset now) => store.RecordSyncFailure(message, now.ToUnixTimeSeconds());

    /// <summary>Past the maximum age, the files end users read are removed; the next good sync republishes them.</summary>
    private static void WithdrawIfTooOld(InstallConfig config, StoreSession store, DateTimeOffset now)
    {
        var stale = store.Source() is { MaxAgeSeconds: { } maxAge } row
            && (row.LastGoodSync is not { } good || now.ToUnixTimeSeconds() - good > maxAge);
        if (!stale)
            return;
        File.Delete(config.PanelInfoFile);
        AnswerPublisher.WithdrawPrerendered(config);
    }
}
