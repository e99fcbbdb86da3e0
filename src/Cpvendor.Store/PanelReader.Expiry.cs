namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>
    /// The last second (Unix time) this data may be served (<see cref="Staleness"/> says why not after
    /// it): a database source's last good sync plus its maximum age; <see cref="long.MaxValue"/> when
    /// nothing limits it, <see cref="long.MinValue"/> when a limited source was never synced.
    /// </summary>
    public long ServableUntil()
    {
        using var command = Command("SELECT last_good_sync, max_age_seconds FROM source WHERE id = 1 AND kind <> 'embedded' AND max_age_seconds IS NOT NULL");
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return long.MaxValue;
        return reader.IsDBNull(0) ? long.MinValue : reader.GetInt64(0) + reader.GetInt64(1);
    }
}
