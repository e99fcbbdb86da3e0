namespace Cpvendor.Store.Model;

/// <summary>
/// How many hook events each state holds, read defensively for the doctor: <paramref name="Tables"/>
/// names the queue tables found (null when the store has none).
/// </summary>
public sealed record HookQueueCounts(string? Tables, IReadOnlyList<(string State, long Count)> Counts);
