using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>The effects committed changes left to carry out after their commit (the outbox's other half).</summary>
public sealed partial class StoreSession
{
    /// <summary>Every effect recorded and not yet carried out, in the order recorded.</summary>
    public IReadOnlyList<StoredEffect> PendingEffects() =>
        Rows("SELECT id, effect FROM pending_effects ORDER BY id", r => new StoredEffect(r.GetInt64(0), r.GetString(1)));

    /// <summary>Forgets the effects up to <paramref name="lastId"/>, once carried out; those recorded since stay.</summary>
    public void ForgetEffectsThrough(long lastId) => Execute("DELETE FROM pending_effects WHERE id <= $last", ("$last", lastId));

    /// <summary>The rows of the answer book's change log kept (migration 8): a book built before them is rebuilt whole.</summary>
    public const int BookChangesKept = 8192;

    /// <summary>
    /// Keeps only the newest <see cref="BookChangesKept"/> rows of the book's change log. Done once
    /// after each commit rather than by a trigger: a batch or a sync that writes 100,000 rows would
    /// otherwise trim inside its own transaction again and again.
    /// </summary>
    public void TrimBookChanges() =>
        Execute("DELETE FROM book_changes WHERE id <= (SELECT max(id) FROM book_changes) - $kept", ("$kept", (long)BookChangesKept));
}
