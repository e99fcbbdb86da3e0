using System.Text.Json;
using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

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
        return StoreFailure.Guard(() =>
        {
            using var connection = PanelStore.OpenForWrite(config.Store);
            return Read(connection, all ? "" : " WHERE state = 'pending'");
        });
    }

    /// <summary>Marks a pending event skipped: it will never be delivered, and events behind it go on.</summary>
    public static bool Skip(InstallConfig config, long id)
    {
        ArgumentNullException.ThrowIfNull(config);
        return StoreFailure.Guard(() =>
        {
            using var connection = PanelStore.OpenForWrite(config.Store);
            return Sql.Execute(connection, null,
                "UPDATE hook_events SET state = 'skipped', finished_at = $now, last_error = COALESCE(last_error || '; ', '') || 'skipped by operator' WHERE id = $id AND state = 'pending'",
                ("$id", id), ("$now", Sql.Now(config.Time))) == 1;
        });
    }

    internal static long Insert(PanelWriter writer, HookEvent hook, HookState state, int attempts, long nextAttemptAt, string? error, TimeProvider? time = null)
    {
        return writer.InsertHookEvent(hook.Phase == HookPhase.Pre ? "pre" : "post", hook.Script,
            JsonSerializer.Serialize(hook.Arguments.ToArray(), PanelJsonContext.Default.StringArray), hook.Keys, StateName(state),
            attempts, Sql.Now(time ?? TimeProvider.System), nextAttemptAt, error);
    }

    internal static IReadOnlyList<QueuedHookEvent> Read(SqliteConnection connection, string where, params (string, object?)[] parameters)
    {
        var events = new List<QueuedHookEvent>();
        using var command = Sql.Command(connection, null,
            "SELECT id, phase, script, args, state, attempts, created_at, next_attempt_at, last_error FROM hook_events" + where + " ORDER BY id",
            parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var state = ParseState(reader.GetString(4));
            var next = reader.GetInt64(7);
            events.Add(new QueuedHookEvent(
                reader.GetInt64(0),
                reader.GetString(1) == "pre" ? HookPhase.Pre : HookPhase.Post,
                reader.GetString(2),
                JsonSerializer.Deserialize(reader.GetString(3), PanelJsonContext.Default.StringArray) ?? [],
                state,
                reader.GetInt32(5),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(6)),
                state == HookState.Pending && next > 0 ? DateTimeOffset.FromUnixTimeSeconds(next) : null,
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return events;
    }

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
