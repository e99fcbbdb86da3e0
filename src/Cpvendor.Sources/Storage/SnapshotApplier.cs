using Cpvendor.Panel;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Sources.Storage;

/// <summary>
/// Writes a sync into the store in one SQLite transaction: the panel rows of a validated snapshot
/// (when given), the sync state, the hook events to deliver and the effects to carry out (the
/// lifecycle's outbox, docs/contract.md section 5). Readers see the old data or the new, never a mix, and
/// a crash loses neither the change nor its events. Statements are prepared once and rebound per row.
/// </summary>
internal static class SnapshotApplier
{
    public static void Apply(SqliteConnection store, PanelSnapshot? replace, long now, IReadOnlyList<HookEvent> events, IReadOnlyList<PanelEffect> effects)
    {
        using var writer = new PanelWriter(store);
        if (replace is { } s)
            Replace(writer, s);
        writer.RecordGoodSync(now);
        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        foreach (var effect in effects)
            HookOutbox.RecordEffect(writer, effect);
        writer.Commit();
    }

    /// <summary>Stores events alone (the pre hooks, which must run before the data changes).</summary>
    public static void Enqueue(SqliteConnection store, IReadOnlyList<HookEvent> events)
    {
        using var writer = new PanelWriter(store);
        foreach (var hook in events)
            HookOutbox.Enqueue(writer, hook);
        writer.Commit();
    }

    private static void Replace(PanelWriter writer, PanelSnapshot s) =>
        writer.ReplacePanel(s.Php, s.Admins, s.Resellers, s.Packages,
            [.. s.Users.Select(u => (u.AccountId, u.Row))], [.. s.Domains.Select(d => (d.DomainId, d.Row))], s.DbUsers);
}
