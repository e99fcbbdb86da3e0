using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 3: every account the panel has on this host is answered for. A source
/// that reads a panel's own tables (ISPConfig) keeps, with its last good sync, the records it could
/// not map (a website whose system user this host lacks, a reseller id out of range): they are
/// served without what is missing or not at all, and this check names them.
/// </summary>
internal sealed class PanelRecordsAllMapOntoThisHost : Check
{
    public override string Name => "Panel records all map onto this host";

    public override string Section => "3";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (state, problem) = host.StoreQuery(store => new State(SourceState.Kind(store), SourceState.Unmapped(store)));
        if (state is null)
        {
            yield return Unknown("the store cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (state.Kind is null or "embedded")
        {
            yield return Info("the store is the panel's own data: nothing is mapped from a panel database");
            yield break;
        }

        if (state.Unmapped.Count == 0)
        {
            yield return Ok($"the last good sync from the {state.Kind} source mapped every record");
            yield break;
        }

        yield return Warning(
            $"{state.Unmapped.Count} panel record(s) could not be mapped and are not served as the panel has them",
            Sample(state.Unmapped, 3),
            "create the missing system users on this host (or check --server-id), correct the records in the panel, then run 'cpvendor sync'; 'cpvendor sync --status' lists them all");
    }

    private sealed record State(string? Kind, IReadOnlyList<string> Unmapped);
}
