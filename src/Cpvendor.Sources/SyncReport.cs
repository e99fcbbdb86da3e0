namespace Cpvendor.Sources;

/// <summary>What one good sync did.</summary>
public sealed record SyncReport(int Users, int Domains, bool Changed, int RepublishedUids, IReadOnlyList<HookEvent> Hooks, TimeSpan Elapsed);
