using System.Globalization;
using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: <c>/etc/container/dbuser-map</c> holds one <c>db_user account uid</c>
/// line per database user of db_info's mapping, read the way MySQL Governor reads it (single
/// spaces, first of a duplicated db_user wins, lines with an empty field or uid below 1 skipped).
/// </summary>
internal sealed class GovernorMapMatchesDbInfo : Check
{
    public override string Name => "Governor map matches db_info's mapping";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (expected, problem) = host.Store(Expected);
        if (expected is null)
        {
            yield return Unknown("db_info's mapping cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        var path = host.Config.Config?.GovernorMap ?? host.Under("/etc/container/dbuser-map");
        if (expected.Count == 0)
        {
            yield return Info("the panel has no database users");
            yield break;
        }

        var read = FileRead.Of(path);
        if (read.Text is null)
        {
            yield return read.Missing
                ? Warning($"the Governor map is missing: {expected.Count} database users are not limited", path, "write it with the panel's database changes (cpvendor keeps it in step)")
                : Unknown("the Governor map cannot be read", read.Problem, "run the doctor as root");
            yield break;
        }

        var actual = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in read.Text.Split('\n'))
        {
            var fields = line.TrimEnd('\r').Split(' ');
            if (fields.Length != 3 || fields.Any(f => f.Length == 0)
                || !long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid < 1)
            {
                continue;
            }

            actual.TryAdd(Cap(fields[0]), $"{Cap(fields[1])} {uid}");
        }

        var missing = expected.Where(e => !actual.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var wrong = expected.Where(e => actual.TryGetValue(e.Key, out var a) && a != e.Value).Select(e => $"{e.Key} ({actual[e.Key]}, expected {e.Value})").ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        if (missing.Count + wrong.Count + extra.Count == 0)
        {
            yield return Ok($"all {expected.Count} database users are mapped", path);
            yield break;
        }

        if (missing.Count > 0)
            yield return Warning($"{missing.Count} database users are not in the Governor map (not limited)", Sample(missing), "rewrite the map from the panel's data");
        if (wrong.Count > 0)
            yield return Warning($"{wrong.Count} database users are mapped to the wrong account", Sample(wrong), "rewrite the map from the panel's data");
        if (extra.Count > 0)
            yield return Warning($"{extra.Count} lines name database users the panel does not have", Sample(extra), "rewrite the map from the panel's data");
    }

    private static Dictionary<string, string> Expected(PanelReader reader)
    {
        var uids = reader.Users(new UserFilter()).ToDictionary(u => u.Username, u => u.Id, StringComparer.Ordinal);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (owner, dbUsers) in reader.DbMapping())
        {
            foreach (var dbUser in dbUsers)
                expected.TryAdd(Cap(dbUser), $"{Cap(owner)} {(uids.TryGetValue(owner, out var uid) ? uid : 0)}");
        }

        return expected;
    }

    private static string Cap(string field) => field.Length <= 64 ? field : field[..64];
}
