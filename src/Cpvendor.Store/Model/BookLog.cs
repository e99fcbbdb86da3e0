namespace Cpvendor.Store.Model;

/// <summary>
/// The store's record of what changed for the answer book (migration 8): the log's epoch (one store's
/// log from another's), the position of its newest row, the oldest row still kept, and the rows after
/// the position asked for, oldest first. Changes after <c>After</c> are all listed only when
/// <see cref="Complete"/>.
/// </summary>
public sealed record BookLog(string Epoch, long Position, long Oldest, long After, IReadOnlyList<BookChange> Changes)
{
    /// <summary>Whether no change after <see cref="After"/> was trimmed away.</summary>
    public bool Complete => After <= Position && (After == Position || (Oldest > 0 && Oldest <= After + 1));
}

/// <summary>One row of the log: its position, what it touched (<c>user</c>, <c>domain</c>, <c>packages</c>, <c>db</c> or <c>wide</c>) and the name, if any.</summary>
public sealed record BookChange(long Id, string Kind, string? Key);
