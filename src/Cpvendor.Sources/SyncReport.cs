using Cpvendor.Panel;

namespace Cpvendor.Sources;

/// <summary>
/// What one good sync did: the hooks it derived and the delivery pass that followed it, and where its
/// time went (read and validate; pre hooks and the store transaction; publishing the changed answers
/// and delivering the hooks).
/// </summary>
public sealed record SyncReport(
    int Users,
    int Domains,
    bool Changed,
    int RepublishedUids,
    IReadOnlyList<HookEvent> Hooks,
    DeliveryReport Delivery,
    TimeSpan Read,
    TimeSpan Apply,
    TimeSpan Publish)
{
    public TimeSpan Elapsed => Read + Apply + Publish;

    /// <summary>The source's change marker was the one of the last good sync, so the panel was not read.</summary>
    public bool Unchanged { get; init; }

    /// <summary>The records not applied as the panel has them, one line each (docs/contract.md section 8).</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];
}
