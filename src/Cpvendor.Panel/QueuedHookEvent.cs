namespace Cpvendor.Panel;

/// <summary>One stored hook event as <c>cpvendor hooks list</c> shows it.</summary>
public sealed record QueuedHookEvent(
    long Id,
    HookPhase Phase,
    string Script,
    IReadOnlyList<string> Arguments,
    HookState State,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    string? LastError)
{
    public string CommandLine => Script + " " + string.Join(' ', Arguments);
}
