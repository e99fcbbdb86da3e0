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
}
