namespace Cpvendor.Sources.Validation;

/// <summary>
/// What a sync serves after judging what it read (docs/contract.md section 8): every record it
/// accepted, the last accepted version of every record it did not (or nothing, for a record never
/// accepted), and one line per record not applied, naming its source, the record and the reason.
/// </summary>
internal sealed record AdmittedSnapshot(PanelSnapshot Snapshot, IReadOnlyList<string> Rejected);
