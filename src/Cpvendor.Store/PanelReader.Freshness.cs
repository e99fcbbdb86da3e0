namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>
    /// Why the data must not be served, or null. Only a database source with a maximum age can be
    /// stale: its last good sync (or the lack of one) is older than that age. One indexed row read,
    /// cheap enough for every cpapi call that opens the store.
    /// </summary>
    public string? Staleness(DateTimeOffset now) => StoreFailure.Guard(() => StalenessUnguarded(now), connection);

    private string? StalenessUnguarded(DateTimeOffset now)
    {
        using var command = Command("SELECT last_good_sync, max_age_seconds FROM source WHERE id = 1 AND kind <> 'embedded' AND max_age_seconds IS NOT NULL");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var maxAge = reader.GetInt64(1);
        if (reader.IsDBNull(0))
            return "the panel database has never been synced";
        var age = now.ToUnixTimeSeconds() - reader.GetInt64(0);
        return age > maxAge
            ? $"the panel data is {age} s old (last good sync), more than the allowed {maxAge} s: the panel database is unreachable or failing"
            : null;
    }
}
