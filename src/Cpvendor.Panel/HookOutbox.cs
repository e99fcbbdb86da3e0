using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

/// <summary>
/// The durable queue of hook events (docs/contract.md section 5). An event is stored through the same
/// <see cref="PanelWriter"/> as the change it reports, so it is committed exactly when the change is:
/// a crash can lose neither. Code that changes the store by other means (a synchronisation from the
/// panel's own database) enqueues its events and effects here, commits, then calls
/// <see cref="HookDelivery.RunPending"/>.
/// </summary>
public static class HookOutbox
{
    /// <summary>Stores a pending event in the writer's transaction; returns its id.</summary>
    public static long Enqueue(PanelWriter writer, HookEvent hook) => Enqueue(writer, hook, TimeProvider.System);

    /// <summary>Stores <paramref name="hook"/> as pending, stamped by <paramref name="time"/>.</summary>
    public static long Enqueue(PanelWriter writer, HookEvent hook, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(hook);
        return Insert(writer, hook, HookState.Pending, attempts: 0, nextAttemptAt: 0, error: null, time);
    }

    /// <summary>Records what the writer's change makes stale (published answers, Governor map).</summary>
    public static void RecordEffect(PanelWriter writer, PanelEffect effect)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.RecordEffect(effect.Value);
    }

    /// <summary>Pending events (and, with <paramref name="all"/>, delivered and skipped ones too), oldest first.</summary>
    public static IReadOnlyList<QueuedHookEvent> List(InstallConfig config, bool all = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var store = PanelStore.OpenForWrite(config.Store);
        return Queued(all ? store.AllHookEvents() : store.PendingHookEvents());
    }

    /// <summary>Marks a pending event skipped: it will never be delivered, and events behind it go on.</summary>
    public static bool Skip(InstallConfig config, long id)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var store = PanelStore.OpenForWrite(config.Store);
        return store.SkipHookEvent(id, UnixTime.Now(config.Time));
    }

    internal static long Insert(PanelWriter writer, HookEvent hook, HookState state, int attempts, long nextAttemptAt, string? error, TimeProvider? time = null)
    {
        return writer.InsertHookEvent(hook.Phase == HookPhase.Pre ? "pre" : "post", hook.Script,
            JsonSerializer.Serialize(hook.Arguments.ToArray(), PanelJsonContext.Default.StringArray), hook.Keys, StateName(state),
            attempts, UnixTime.Now(time ?? TimeProvider.System), nextAttemptAt, error);
    }

    internal static List<QueuedHookEvent> Queued(IReadOnlyList<StoredHookEvent> stored) =>
        [.. stored.Select(e =>
        {
            var state = ParseState(e.State);
            return new QueuedHookEvent(
                e.Id,
                Phase(e.Phase),
                e.Script,
                Arguments(e.ArgumentsJson),
                state,
                e.Attempts,
                DateTimeOffset.FromUnixTimeSeconds(e.CreatedAt),
                state == HookState.Pending && e.NextAttemptAt > 0 ? DateTimeOffset.FromUnixTimeSeconds(e.NextAttemptAt) : null,
                e.LastError);
        })];

    internal static HookPhase Phase(string stored) => stored == "pre" ? HookPhase.Pre : HookPhase.Post;

    internal static string[] Arguments(string json) => JsonSerializer.Deserialize(json, PanelJsonContext.Default.StringArray) ?? [];

    internal static string StateName(HookState state) => state switch
    {
        HookState.Done => "done",
        HookState.Skipped => "skipped",
        _ => "pending",
    };

    private static HookState ParseState(string value) => value switch
    {
        "done" => HookState.Done,
        "skipped" => HookState.Skipped,
        _ => HookState.Pending,
    };
}
