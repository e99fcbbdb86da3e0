namespace Cpvendor.Store.Model;

/// <summary>
/// One row of the hook queue as stored: <paramref name="Phase"/> "pre" or "post",
/// <paramref name="ArgumentsJson"/> the argument vector as a JSON array, <paramref name="Keys"/> the
/// accounts it concerns, <paramref name="State"/> "pending", "done" or "skipped", times in Unix seconds
/// (<paramref name="NextAttemptAt"/> 0 when there is no delay).
/// </summary>
public sealed record StoredHookEvent(
    long Id,
    string Phase,
    string Script,
    string ArgumentsJson,
    IReadOnlyList<string> Keys,
    string State,
    int Attempts,
    long CreatedAt,
    long NextAttemptAt,
    string? LastError);
