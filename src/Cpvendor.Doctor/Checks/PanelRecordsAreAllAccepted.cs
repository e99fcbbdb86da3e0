using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 8: a sync applies every record it can accept and keeps the last accepted
/// version of each one it cannot (or serves nothing of it yet). The records the last good sync did
/// not accept are kept with it; until the panel corrects them, what is served of them is older than
/// the panel, and this check names them.
/// </summary>
internal sealed class PanelRecordsAreAllAccepted : SyncRecordListCheck
{
    public override string Name => "Panel records are all accepted by the sync";

    public override string Section => "8";

    protected override string WithoutSource => "the store is the panel's own data: no sync judges its records";

    protected override string Fix => "correct the records in the panel as each line says, then run 'cpvendor sync'; 'cpvendor sync --status' lists them all";

    protected override IReadOnlyList<string> Records(StoreSession store) => SourceState.Rejected(store);

    protected override string AllGood(string kind) => $"the last good sync from the {kind} source accepted every record";

    protected override string Some(int count) => $"{count} panel record(s) were not accepted by the last good sync: each is served in its last accepted version, or not yet";
}
