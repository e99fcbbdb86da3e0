namespace Cpvendor.Sources.Validation;

internal sealed partial class Admission
{
    /// <summary>
    /// One line per record not applied as read, ordered by kind and record: where it comes from, the
    /// record, why, and what is served instead (its last accepted version, or nothing yet).
    /// </summary>
    private List<string> Report(Dictionary<RecordKey, string?> held, HashSet<RecordKey> fromServed)
    {
        string Outcome(RecordKey key) => fromServed.Contains(key)
            ? " (its last accepted version is served)"
            : " (not served until it is accepted)";
        string Row(RecordKey key) => fresh.Row(key) ?? served.Row(key) ?? key.Id;

        var lines = new List<(RecordKind Kind, string Line)>();
        foreach (var (key, reasons) in rejected)
            lines.Add((key.Kind, $"{reasons[0].Source} {reasons[0].Record}: {string.Join("; ", reasons.Select(r => r.Reason))}{Outcome(key)}"));
        foreach (var rejection in problems.Rejections.Where(r => r.Key is null))
            lines.Add((rejection.Kind, $"{rejection}; none of these records is taken as deleted until it can be read"));
        foreach (var (key, why) in held)
        {
            if (why is not null)
                lines.Add((key.Kind, $"{labels.Of(key.Kind)} {Row(key)}: {why}{Outcome(key)}"));
        }

        foreach (var (key, why) in kept)
            lines.Add((key.Kind, $"{labels.Of(key.Kind)} {Row(key)}: gone from the panel, but {why} (still served)"));
        return [.. lines.OrderBy(l => l.Kind).ThenBy(l => l.Line, StringComparer.Ordinal).Select(l => l.Line)];
    }
}
