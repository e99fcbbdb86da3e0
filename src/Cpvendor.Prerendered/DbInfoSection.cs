namespace Cpvendor.Prerendered;

/// <summary>
/// The sections of root's db_info answer file (<see cref="AnswerBookFormat.DbInfoMagic"/>,
/// docs/cpapi.md, "the db_info answer and its patch").
/// </summary>
public enum DbInfoSection
{
    /// <summary>The <see cref="DbInfoSource"/> stamp of the credential the answer was rendered with.</summary>
    Source,

    /// <summary>The answer, as the live script printed it.</summary>
    Answer,

    /// <summary>The change log's position the answer is at, as in <see cref="BookSection.Log"/>.</summary>
    Log,

    /// <summary>
    /// Where the mapping's members lie in the answer: the offsets just after its '{' and of its '}'
    /// (u32 each), then per member, in the answer's order, its start and end (u32 each). Empty when
    /// the answer has no mapping in the form a patch may splice (then every change renders it whole).
    /// </summary>
    Members,

    /// <summary><see cref="AnswerBookFormat.DbInfoIdLength"/> random bytes: which render this is, for the patch to name.</summary>
    Id,
}
