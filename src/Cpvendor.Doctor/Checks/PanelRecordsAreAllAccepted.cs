using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 8: a sync applies every record it can accept and keeps the last accepted
/// version of each one it cannot (or serves nothing of it yet). The records the last good sync did
/// not accept are kept with it; until the panel corrects them, what is served of them is older than
/// the panel, and this check names them.
/// </summary>
internal sealed class PanelRecordsAreAllAccepted : Check
{
    public override string Name => "Panel records are all accepted by the sync";

    public override string Section => "8";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (state, problem) = host.StoreQuery(store => new State(SourceState.Kind(store), SourceState.Rejected(store)));
        if (state is null)
        {
            yield return Unknown("the store cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (state.Kind is null or "embedded")
        {
            yield return Info("the store is the panel's own data: no sync judges its records");
            yield break;
        }

        if (state.Rejected.Count == 0)
        {
            yield return Ok($"the last good sync from the {state.Kind} source accepted every record");
            yield break;
        }

        yield return Warning(
            $"{state.Rejected.Count} panel record(s) were not accepted by the last good sync: each is served in its last accepted version, or not yet",
            Sample(state.Rejected, 3),
            "correct the records in the panel as each line says, then run 'cpvendor sync'; 'cpvendor sync --status' lists them all");
    }

    private sealed record State(string? Kind, IReadOnlyList<string> Rejected);
}
