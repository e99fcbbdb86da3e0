namespace Cpvendor.Sources.Reading;

/// <summary>
/// A source that reads a panel's own tables and may meet records it cannot turn into the contract's
/// (a website whose UNIX user this host does not have, an id out of range). They are served as far
/// as they can be, never invented, and listed after each read for <c>sync --status</c> and the doctor.
/// </summary>
internal interface IUnmappedRecords
{
    /// <summary>One line per record of the last read that could not be mapped, naming the record.</summary>
    IReadOnlyList<string> Unmapped { get; }
}
