namespace Cpvendor.Sources;

/// <summary>What one good sync did, and where its time went (read and validate, store transaction, publication).</summary>
public sealed record SyncReport(
    int Users,
    int Domains,
    bool Changed,
    int RepublishedUids,
    IReadOnlyList<HookEvent> Hooks,
    TimeSpan Read,
    TimeSpan Apply,
    TimeSpan Publish)
{
    public TimeSpan Elapsed => Read + Apply + Publish;
}
