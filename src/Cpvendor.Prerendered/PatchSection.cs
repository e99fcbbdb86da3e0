namespace Cpvendor.Prerendered;

/// <summary>
/// The sections a book patch (<see cref="AnswerBookFormat.PatchMagic"/>) holds after the
/// <see cref="BookSection"/> ones, numbered from <see cref="AnswerBookFormat.SectionCount"/> on
/// (docs/cpapi.md, "the book patch"). The patch's users and domains sections hold the elements of the
/// accounts and domains changed since its base book, in the answer's order; a small list is in the
/// patch only when it changed (its section is empty otherwise).
/// </summary>
public enum PatchSection
{
    /// <summary>The base book's stamp (<see cref="AnswerBookFormat.StampLength"/> bytes) and log position (i64), then the position of the last change of database users after it (i64, 0 for none).</summary>
    Base,

    /// <summary>Per user record of the patch (u32): how many records of the base come before it in the answer.</summary>
    UserPlaces,

    /// <summary>The base's user records the patch replaces or removes (u32, ascending).</summary>
    HiddenUsers,

    /// <summary>Per domain member of the patch (u32): how many members of the base come before it.</summary>
    DomainPlaces,

    /// <summary>The base's domain members the patch replaces or removes (u32, ascending).</summary>
    HiddenDomains,
}
