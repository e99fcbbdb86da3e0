namespace Cpvendor.Sources.Validation;

/// <summary>
/// One record a sync could not accept: its key when the record could be told apart (null when not
/// even its id could be read, then only its kind is known), where it came from (a view, a panel
/// table or file), the record as a reader would find it, and why.
/// </summary>
internal sealed record Rejection(RecordKey? Key, RecordKind Kind, string Source, string Record, string Reason)
{
    public override string ToString() => $"{Source} {Record}: {Reason}";
}
