using Cpvendor.Core;
using Microsoft.Data.Sqlite;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// How the current read-model generation compares with the live store (for the doctor and install):
/// the panel revision every change bumps and the time of the last good sync, in both. Bookkeeping
/// the store does after a publish (hook results) is not data the cpapi serves, so it does not make
/// the generation old.
/// </summary>
public sealed record ReadModelStatus(string? StoreState, string? GenerationState, bool Intact, string? Problem)
{
    /// <summary>The generation holds every committed change of the data the cpapi serves.</summary>
    public bool Current => StoreState is not null && Intact && GenerationState == StoreState;

    /// <summary>Reads both; run as root (the store is root-only).</summary>
    public static ReadModelStatus Of(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = ReadModelFiles.Current(config);
        string? store = null, generation = null, problem = null;
        try
        {
            using var live = PanelStore.OpenConnectionForRead(config.Store);
            store = State(live);
        }
        catch (Exception e) when (e is CpvendorException or SqliteException or IOException or UnauthorizedAccessException)
        {
            problem = $"the store cannot be read: {e.Message}";
        }

        var intact = ReadModelPublisher.Intact(path);
        if (intact)
        {
            try
            {
                using var model = ReadModelReader.Connect(path);
                generation = State(model);
            }
            catch (Exception e) when (e is CpvendorException or SqliteException or IOException or UnauthorizedAccessException)
            {
                intact = false;
                problem ??= $"the read model cannot be read: {e.Message}";
            }
        }

        return new ReadModelStatus(store, generation, intact, problem);
    }

    /// <summary>The served state of a store or generation, read in <paramref name="transaction"/> when one is open.</summary>
    internal static string State(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT (SELECT revision FROM panel WHERE id = 1) || ' ' || COALESCE((SELECT last_good_sync FROM source WHERE id = 1), '-')";
        return command.ExecuteScalar() as string ?? "0 -";
    }
}
