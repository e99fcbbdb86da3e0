using System.Globalization;
using Cpvendor.Store.Model;

namespace Cpvendor.Store;

/// <summary>
/// The hook queue as the doctor counts it: read defensively (any table whose name mentions hooks and
/// that has a state or status column), so that a store of another release is reported, not refused.
/// </summary>
public sealed partial class StoreSession
{
    public HookQueueCounts HookQueueCounts()
    {
        var names = Rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%hook%' ORDER BY name", r => r.GetString(0));
        var found = new List<string>();
        var counts = new List<(string, long)>();
        foreach (var table in names)
        {
            var column = Rows("SELECT name FROM pragma_table_info($t)", r => r.GetString(0).ToLowerInvariant(), ("$t", table))
                .FirstOrDefault(c => c is "state" or "status");
            if (column is null)
                continue;
            found.Add(table);
            counts.AddRange(Rows($"SELECT \"{column}\", count(*) FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" GROUP BY 1 ORDER BY 1", r =>
                (r.IsDBNull(0) ? "null" : Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture) ?? "null", r.GetInt64(1))));
        }

        return new HookQueueCounts(found.Count == 0 ? null : string.Join(", ", found), counts);
    }
}
