using System.Data.Common;
using System.Diagnostics;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Sources.Diff;
using Cpvendor.Sources.MySql;
using Cpvendor.Sources.Postgres;
using Cpvendor.Sources.Reading;
using Cpvendor.Sources.Storage;
using Cpvendor.Sources.Validation;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Sources;

/// <summary>
/// <c>cpvendor sync</c>: reads the panel database, validates the whole snapshot, derives the hooks,
/// runs the pre hooks, replaces the store in one transaction, publishes the changed answers and runs
/// the post hooks. Any failure before the transaction leaves the last good data serving and is
/// recorded for <see cref="SyncStatus"/>; past the maximum age the published files are withdrawn so
/// that end users get InternalAPIError too (the store path checks the age itself).
/// </summary>
public static class SyncRunner
{
    public static SyncReport Run(InstallConfig config, IHookSink? hooks, Func<DateTimeOffset>? clock = null)
    {
        clock ??= () => DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        using var store = PanelStore.OpenForWrite(config.Store);
        var settings = SourceSettings.Read(store);
        if (settings.Kind == SourceKind.Embedded)
            throw CpvendorException.Invalid("this install serves from its embedded store; point it at a panel database first: cpvendor settings source mysql|postgres --connection-string ...");

        PanelSnapshot snapshot;
        try
        {
            snapshot = ReadValid(config, store, settings);
        }
        catch (Exception e) when (e is CpvendorException or DbException or IOException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException or ArgumentException)
        {
            var message = e is CpvendorException ? e.Message : $"panel database unreachable or failing: {e.GetType().Name}: {e.Message.Trim()}";
            RecordFailure(store, message, clock());
            WithdrawIfTooOld(config, store, clock());
            throw e as CpvendorException ?? CpvendorException.Io(message, e);
        }

        var read = watch.Elapsed;
        var before = LocalSnapshot.Read(store);
        var firstSync = LastGoodSync(store) is null;
        var changes = SnapshotChanges.Between(before, snapshot);
        // The first sync sets the baseline: every account would look new.
        var events = settings.DeriveHooks && !firstSync ? HookDeriver.Derive(before, snapshot) : [];
        var pre = events.Where(e => e.Before).ToList();
        var post = events.Where(e => !e.Before).ToList();

        if (pre.Count > 0)
            hooks?.Deliver(pre);
        var now = clock().ToUnixTimeSeconds();
        if (changes.Any || firstSync)
            SnapshotApplier.Apply(store, snapshot, now);
        else
            MarkGood(store, now);

        var apply = watch.Elapsed - read;
        Publish(config, changes, firstSync);
        var publish = watch.Elapsed - read - apply;
        if (post.Count > 0)
            hooks?.Deliver(post);
        return new SyncReport(snapshot.Users.Count, snapshot.Domains.Count, changes.Any, changes.Uids.Count, events, read, apply, publish);
    }

    /// <summary>Reads and validates this host's snapshot; bad rows throw with every problem listed.</summary>
    internal static PanelSnapshot ReadValid(InstallConfig config, SqliteConnection store, SourceSettings settings)
    {
        var connectionString = SourceSettings.ReadSecret(config.Store);
        IViewSource source = settings.Kind == SourceKind.MySql
            ? new MySqlViewSource(connectionString)
            : new PostgresViewSource(connectionString);
        var problems = new SourceProblems();
        var snapshot = FleetSlice.Of(source.Read(settings.Server, problems), settings.Server);
        using var command = store.CreateCommand();
        command.CommandText = "SELECT allow_duplicate_uids FROM panel WHERE id = 1";
        var allowDuplicates = command.ExecuteScalar() is long flag && flag != 0;

        SnapshotValidator.Validate(snapshot, LoginDefs.UidMax(config.Root), allowDuplicates, problems);
        if (problems.Count > 0)
            throw CpvendorException.Invalid(problems.Summary());
        return snapshot;
    }

    private static void Publish(InstallConfig config, SnapshotChanges changes, bool firstSync)
    {
        if (firstSync || !File.Exists(config.PanelInfoFile))
        {
            AnswerPublisher.PublishAll(config);
            return;
        }

        using var reader = PanelReader.Open(config.Store);
        AnswerPublisher.PublishPanelInfo(config, reader);
        if (changes.Uids.Count > 0)
            AnswerPublisher.PublishUsers(config, reader, changes.Uids);
    }

    private static long? LastGoodSync(SqliteConnection store)
    {
        using var command = store.CreateCommand();
        command.CommandText = "SELECT last_good_sync FROM source WHERE id = 1";
        return command.ExecuteScalar() is long value ? value : null;
    }

    private static void MarkGood(SqliteConnection store, long now) =>
        Execute(store, "UPDATE source SET last_good_sync = $t, last_attempt = $t, last_error = NULL WHERE id = 1", ("$t", now));

    private static void RecordFailure(SqliteConnection store, string message, DateTimeOffset now) =>
        Execute(store, "UPDATE source SET last_attempt = $t, last_error = $e WHERE id = 1", ("$t", now.ToUnixTimeSeconds()), ("$e", message));

    /// <summary>Past the maximum age, the files end users read are removed; the next good sync republishes them.</summary>
    private static void WithdrawIfTooOld(InstallConfig config, SqliteConnection store, DateTimeOffset now)
    {
        string? stale;
        using (var command = store.CreateCommand())
        {
            command.CommandText = "SELECT max_age_seconds, last_good_sync FROM source WHERE id = 1";
            using var row = command.ExecuteReader();
            stale = row.Read() && !row.IsDBNull(0) && (row.IsDBNull(1) || now.ToUnixTimeSeconds() - row.GetInt64(1) > row.GetInt64(0)) ? "stale" : null;
        }

        if (stale is null)
            return;
        File.Delete(config.PanelInfoFile);
        if (Directory.Exists(config.UsersDir))
        {
            foreach (var file in Directory.EnumerateFiles(config.UsersDir, "*.json"))
                File.Delete(file);
        }
    }

    private static void Execute(SqliteConnection store, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = store.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        command.ExecuteNonQuery();
    }
}
