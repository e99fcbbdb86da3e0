using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// The shape of the checks that name the records a source's last good sync kept aside (rejected,
/// unmapped): unknown when the store cannot be read, informational for the embedded store, fine
/// when the list is empty, and a warning naming a few of them otherwise.
/// </summary>
internal abstract class SyncRecordListCheck : Check
{
    /// <summary>The records kept aside, as the store lists them.</summary>
    protected abstract IReadOnlyList<string> Records(StoreSession store);

    /// <summary>What an embedded store means for this check.</summary>
    protected abstract string WithoutSource { get; }

    protected abstract string AllGood(string kind);

    protected abstract string Some(int count);

    protected abstract string Fix { get; }

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (state, problem) = host.StoreQuery(store => new State(SourceState.Kind(store), Records(store)));
        if (state is null)
        {
            yield return Unknown("the store cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (state.Kind is null or "embedded")
        {
            yield return Info(WithoutSource);
            yield break;
        }

        if (state.Records.Count == 0)
        {
            yield return Ok(AllGood(state.Kind));
            yield break;
        }

        yield return Warning(Some(state.Records.Count), Sample(state.Records, 3), Fix);
    }

    private sealed record State(string? Kind, IReadOnlyList<string> Records);
}
