using Cpvendor.Panel;
using Cpvendor.Sources.Validation;
using Cpvendor.Store;

namespace Cpvendor.Sources.Storage;

/// <summary>
/// Writes a sync into the store in one SQLite transaction: the panel rows of a validated snapshot
/// (when given), the sync state, the hook events to deliver and the effects to carry out (the
/// lifecycle's outbox, docs/contract.md section 5). Readers see the old data or the new, never a mix, and
/// a crash loses neither the change nor its events. Statements are prepared once and rebound per row.
/// </summary>
internal static class SnapshotApplier
{
    public static void Apply(StoreSession store, PanelSnapshot? replace, long now, IReadOnlyList<HookEvent> events, IReadOnlyList<PanelEffect> effects, IdentityRules? identities = null, bool staffHooks = false)
    {
        using var writer = new PanelWriter(store);
        var staffBefore = replace is not null && staffHooks ? StaffRows(writer) : null;
        if (replace is { } s)
            Replace(writer, s, identities);
        writer.RecordGoodSync(now);
        var staffAfter = staffBefore is null ? null : StaffRows(writer);
        if (staffBefore is not null && staffAfter is not null)
        {
            // Administrators and resellers listed by users (docs/lifecycle.md): a row that went is
            // deleted, before the derived events, unless an account of that name now goes on in it.
            var accounts = replace!.Users.Select(u => u.Row.Username).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in staffBefore.Where(b => !staffAfter.Contains(b) && !accounts.Contains(b.Username)))
            {
                HookOutbox.Enqueue(writer, HookEvent.UserDeleted(gone.Username, (uint)gone.Uid));
                HookOutbox.RecordEffect(writer, PanelEffect.User((uint)gone.Uid));
            }
        }

        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        if (staffBefore is not null && staffAfter is not null)
        {
            foreach (var came in staffAfter.Where(a => !staffBefore.Contains(a)))
            {
                HookOutbox.Enqueue(writer, HookEvent.UserCreated(came.Username, came.Owner, (uint)came.Uid));
                HookOutbox.RecordEffect(writer, PanelEffect.User((uint)came.Uid));
            }
        }

        foreach (var effect in effects)
            HookOutbox.RecordEffect(writer, effect);
        writer.Commit();
    }

    /// <summary>Stores events alone (the pre hooks, which must run before the data changes).</summary>
    public static void Enqueue(StoreSession store, IReadOnlyList<HookEvent> events)
    {
        using var writer = new PanelWriter(store);
        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        writer.Commit();
    }

    private static void Replace(PanelWriter writer, PanelSnapshot s, IdentityRules? identities) =>
        writer.ReplacePanel(s.Php, s.Admins, s.Resellers, s.Packages,
            [.. s.Users.Select(u => (u.AccountId, u.Row))], [.. s.Domains.Select(d => (d.DomainId, d.Row))], s.DbUsers,
            identities is null ? null : a => identities.AdminUnixUid(a.UnixUser),
            identities is null ? null : r => identities.ResellerUnixUid(r.Name));

    private static HashSet<(long Uid, string Username, string Owner)> StaffRows(PanelWriter writer) =>
        Store.Identity.IdentityQueries.AllListedStaff(writer).ToHashSet();
}
