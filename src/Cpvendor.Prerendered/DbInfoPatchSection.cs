namespace Cpvendor.Prerendered;

/// <summary>
/// The sections of the db_info answer's patch (<see cref="AnswerBookFormat.DbInfoPatchMagic"/>,
/// docs/cpapi.md, "the db_info answer and its patch"). The first three mean what they mean in the
/// answer file (<see cref="DbInfoSection"/>), so both are current under one rule.
/// </summary>
public enum DbInfoPatchSection
{
    /// <summary>The <see cref="DbInfoSource"/> stamp, as in the answer file.</summary>
    Source,

    /// <summary>The bytes the patch adds: the changed owners' members and the commas around them.</summary>
    Literals,

    /// <summary>The change log's position the patched answer is at, as in the answer file.</summary>
    Log,

    /// <summary>The <see cref="DbInfoSection.Id"/> of the answer file the patch applies to.</summary>
    Base,

    /// <summary>The owners whose members changed since that file, each as its UTF-8 length (u32) and bytes.</summary>
    Owners,

    /// <summary>
    /// The answer, in order, as segments of <see cref="AnswerBookFormat.SegmentEntry"/> bytes: 0 to copy
    /// bytes of the base's answer, 1 to copy bytes of <see cref="Literals"/>, then offset and length.
    /// </summary>
    Segments,
}
