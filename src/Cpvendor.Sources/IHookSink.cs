namespace Cpvendor.Sources;

/// <summary>
/// Where a sync hands the hook events it derived, in order: once with the pre hooks before the store
/// changes, once with the post hooks after the new data is published. An implementation records
/// them durably and delivers them; a failing hook must not fail the sync.
/// </summary>
public interface IHookSink
{
    void Deliver(IReadOnlyList<HookEvent> events);
}
