namespace Cpvendor.Sources.Validation;

/// <summary>
/// A host of a fleet serves its own accounts; domains and database users follow their owner, so
/// those of accounts served by another host (a domain with a null server, every database user) are
/// left out here. Without a server name the host serves the whole panel and nothing is left out.
/// </summary>
internal static class FleetSlice
{
    public static PanelSnapshot Of(PanelSnapshot snapshot, string? server)
    {
        if (server is null)
            return snapshot;
        var users = snapshot.Users.Select(u => u.Row.Username).ToHashSet(StringComparer.Ordinal);
        return snapshot with
        {
            Domains = snapshot.Domains.Where(d => users.Contains(d.Row.Owner)).ToList(),
            DbUsers = snapshot.DbUsers.Where(d => users.Contains(d.Owner)).ToList(),
        };
    }
}
