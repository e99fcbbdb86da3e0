using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 3: every account the panel has on this host is answered for. A source
/// that reads a panel's own tables (ISPConfig) keeps, with its last good sync, the records it could
/// not map (a website whose system user this host lacks, a reseller id out of range): they are
/// served without what is missing or not at all, and this check names them.
/// </summary>
internal sealed class PanelRecordsAllMapOntoThisHost : SyncRecordListCheck
{
    public override string Name => "Panel records all map onto this host";

    public override string Section => "3";

    protected override string WithoutSource => "the store is the panel's own data: nothing is mapped from a panel database";

    protected override string Fix => "create the missing system users on this host (or check --server-id), correct the records in the panel, then run 'cpvendor sync'; 'cpvendor sync --status' lists them all";

    protected override IReadOnlyList<string> Records(StoreSession store) => SourceState.Unmapped(store);

    protected override string AllGood(string kind) => $"the last good sync from the {kind} source mapped every record";

    protected override string Some(int count) => $"{count} panel record(s) could not be mapped and are not served as the panel has them";
}
