namespace Cpvendor.Store;

/// <summary>
/// What a database source keeps about its last good read in the store's <c>source</c> row: the
/// change marker it read first (an unchanged marker lets the next sync skip the read), the records
/// it could not map and the records it could not accept, one per line, for <c>sync --status</c> and
/// the doctor.
/// </summary>
public static class SourceState
{
    /// <summary>The source kind's stored name (embedded, mysql, postgres, ispconfig...).</summary>
    public static string? Kind(StoreSession store) =>
        Scalar(store, "SELECT kind FROM source WHERE id = 1");

    public static string? ChangeMarker(StoreSession store) =>
        Scalar(store, "SELECT change_marker FROM source WHERE id = 1");

    /// <summary>The records the last good read could not map (empty when all could be).</summary>
    public static IReadOnlyList<string> Unmapped(StoreSession store) =>
        Scalar(store, "SELECT unmapped FROM source WHERE id = 1") is { Length: > 0 } text ? text.Split('\n') : [];

    /// <summary>The records the last good read could not accept (empty when it accepted all; docs/contract.md section 8).</summary>
    public static IReadOnlyList<string> Rejected(StoreSession store) =>
        Scalar(store, "SELECT rejected FROM source WHERE id = 1") is { Length: > 0 } text ? text.Split('\n') : [];

    /// <summary>Records the marker, the unmapped and the rejected records of a read that was applied.</summary>
    public static void SaveRead(StoreSession store, string? marker, IReadOnlyList<string> unmapped, IReadOnlyList<string> rejected)
    {
        ArgumentNullException.ThrowIfNull(unmapped);
        ArgumentNullException.ThrowIfNull(rejected);
        using var writer = new PanelWriter(store);
        writer.Execute("UPDATE source SET change_marker = $m, unmapped = $u, rejected = $r WHERE id = 1",
            ("$m", marker), ("$u", Lines(unmapped)), ("$r", Lines(rejected)));
        writer.Commit();
    }

    private static string? Lines(IReadOnlyList<string> lines) => lines.Count == 0 ? null : string.Join('\n', lines);

    /// <summary>How many accounts and domains the store holds (what a sync that read nothing reports).</summary>
    public static (int Users, int Domains) Counts(StoreSession store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Counts();
    }

    private static string? Scalar(StoreSession store, string sql)
    {
        ArgumentNullException.ThrowIfNull(store);
        return StoreFailure.Guard(() =>
        {
            using var command = store.Connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar() as string;
        }, store.Connection);
    }
}
