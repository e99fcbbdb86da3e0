namespace Cpvendor.Panel;

/// <summary>
/// What a lifecycle operation did: a one-line summary and its hook events. The change itself is
/// committed whatever the hooks did; a pending event is retried later (<see cref="HookDelivery"/>).
/// </summary>
public sealed record ChangeResult(string Summary, IReadOnlyList<HookOutcome> Hooks);
