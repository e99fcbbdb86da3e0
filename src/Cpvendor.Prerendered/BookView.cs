using System.Buffers.Binary;
using Cpvendor.Core;

namespace Cpvendor.Prerendered;

/// <summary>
/// What the small binary answers an administrator from: the answer book when it is of the current
/// generation, or else the book and the patch for the current generation that names it as its base
/// (docs/cpapi.md, "the book patch"). An element is a base element (its number, from 0) or a patch
/// element (its number's complement, negative). Merged lists hold the base's elements the patch
/// does not hide and the patch's elements, in the answer's order: each patch element carries the
/// place it takes among the base's. Any range that does not fit refuses the answer, never followed.
/// </summary>
public sealed class BookView : IDisposable
{
    /// <summary>The user records: the users answer, its records, and their place and hidden sections in a patch.</summary>
    public static readonly ElementKind Users = new(BookSection.Users, BookSection.UserRecords, AnswerBookFormat.RecordFields, PatchSection.UserPlaces, PatchSection.HiddenUsers);

    /// <summary>The domain members of the answer with PHP.</summary>
    public static readonly ElementKind Domains = new(BookSection.DomainsWithPhp, BookSection.DomainMembers, AnswerBookFormat.DomainParts, PatchSection.DomainPlaces, PatchSection.HiddenDomains);

    private readonly AnswerBook book;
    private readonly AnswerBook? patch;

    private BookView(AnswerBook book, AnswerBook? patch)
    {
        this.book = book;
        this.patch = patch;
    }

    /// <summary>
    /// The book and, when it is not of the current generation, the patch that brings it there; null
    /// for any doubt. The book is mapped once, whichever of the two it turns out to be.
    /// </summary>
    public static BookView? Open(InstallConfig config, long now)
    {
        ArgumentNullException.ThrowIfNull(config);
        var generation = AnswerFiles.Generation(config);
        AnswerBook? patch = null, book = null;
        try
        {
            book = AnswerBook.OpenBase(AnswerFiles.Book(config), null);
            if (book is null)
                return null;
            if (GenerationStamp.OfReadable(generation) is not { } current)
                return null;
            if (book.Stamp != current || book.ServableUntil < now)
            {
                patch = AnswerBook.OpenPatch(AnswerFiles.Patch(config), generation, now);
                if (patch is null || !IsBaseOf(book, patch) || !Fits(book, patch))
                    return null;
            }

            var view = new BookView(book, patch);
            (book, patch) = (null, null);
            return view;
        }
        finally
        {
            book?.Dispose();
            patch?.Dispose();
        }
    }

    /// <summary>The book <paramref name="patch"/> names as its base (stamp and log position), or null.</summary>
    public static AnswerBook? OpenBaseOf(InstallConfig config, AnswerBook patch)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(patch);
        var named = patch.Section(AnswerBookFormat.Of(PatchSection.Base));
        if (named.Length != AnswerBookFormat.StampLength + 16)
            return null;
        var book = AnswerBook.OpenBase(AnswerFiles.Book(config), AnswerBookFormat.ReadStamp(named));
        if (book is null || IsBaseOf(book, patch))
            return book;
        book.Dispose();
        return null;
    }

    /// <summary>Whether <paramref name="book"/> is the one <paramref name="patch"/> names as its base: its stamp, log position and log epoch.</summary>
    private static bool IsBaseOf(AnswerBook book, AnswerBook patch)
    {
        var named = patch.Section(AnswerBookFormat.Of(PatchSection.Base));
        var log = book.Section(BookSection.Log);
        return named.Length == AnswerBookFormat.StampLength + 16
            && book.Stamp == AnswerBookFormat.ReadStamp(named)
            && log.Length >= 8 && AnswerBookFormat.PositionOf(log) == BinaryPrimitives.ReadInt64LittleEndian(named[AnswerBookFormat.StampLength..])
            && log[8..].SequenceEqual(patch.Section(BookSection.Log) is { Length: >= 8 } own ? own[8..] : []);
    }

    /// <summary>Whether the patch's place and hidden sections describe its elements and the base's.</summary>
    private static bool Fits(AnswerBook book, AnswerBook patch)
    {
        foreach (var kind in (ElementKind[])[Users, Domains])
        {
            var places = patch.Section(AnswerBookFormat.Of(kind.Places));
            var hidden = patch.Section(AnswerBookFormat.Of(kind.Hidden));
            var baseCount = book.Count(kind.Elements, kind.Parts);
            if (places.Length != patch.Count(kind.Elements, kind.Parts) * 4 || hidden.Length % 4 != 0)
                return false;
            for (var i = 0; i < places.Length / 4; i++)
            {
                if (AnswerBook.U32(places, i) > baseCount || (i > 0 && AnswerBook.U32(places, i) < AnswerBook.U32(places, i - 1)))
                    return false;
            }

            for (var i = 0; i < hidden.Length / 4; i++)
            {
                if (AnswerBook.U32(hidden, i) >= baseCount || (i > 0 && AnswerBook.U32(hidden, i) <= AnswerBook.U32(hidden, i - 1)))
                    return false;
            }
        }

        return true;
    }

    /// <summary>Whether a patch is merged in.</summary>
    public bool Patched => patch is not null;

    /// <summary>The file that holds the small list <paramref name="list"/> (and its indexes): the patch when it carries it.</summary>
    public AnswerBook ListOf(BookSection list) => patch is not null && patch.Section(list).Length > 0 ? patch : book;

    /// <summary>The elements of <paramref name="kind"/> that <paramref name="find"/> finds in the book and in the patch, merged; null when either lookup failed.</summary>
    public IReadOnlyList<int>? Find(ElementKind kind, Func<AnswerBook, IReadOnlyList<int>?> find)
    {
        ArgumentNullException.ThrowIfNull(find);
        if (find(book) is not { } found)
            return null;
        if (patch is null)
            return found;
        return find(patch) is { } patched ? Merge(kind, found, patched) : null;
    }

    /// <summary>Every element of <paramref name="kind"/>, in the answer's order, walked without a list of them.</summary>
    public ElementOrder Order(ElementKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var count = book.Count(kind.Elements, kind.Parts);
        return patch is null
            ? ElementOrder.Merged(count, default, default)
            : ElementOrder.Merged(count, patch.Section(AnswerBookFormat.Of(kind.Places)), patch.Section(AnswerBookFormat.Of(kind.Hidden)));
    }

    /// <summary>Every element of <paramref name="kind"/>, in the answer's order.</summary>
    public IReadOnlyList<int> All(ElementKind kind)
    {
        var all = new List<int>();
        for (var order = Order(kind); order.Next(out var element);)
            all.Add(element);
        return all;
    }

    /// <summary>Range <paramref name="part"/> of <paramref name="element"/> (a base or a patch element).</summary>
    public bool TryPart(ElementKind kind, int element, int part, out ReadOnlySpan<byte> bytes) => Ranges(kind).TryParts(element, part, part, out bytes);

    /// <summary>The answer and element ranges of <paramref name="kind"/> in the book and the patch, for reading many elements.</summary>
    public ElementRanges Ranges(ElementKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return patch is null
            ? new(book.Section(kind.Answer), book.Section(kind.Elements), default, default, kind.Parts)
            : new(book.Section(kind.Answer), book.Section(kind.Elements), patch.Section(kind.Answer), patch.Section(kind.Elements), kind.Parts);
    }

    /// <summary>
    /// The whole answer of <paramref name="kind"/>: the book's section as it is, or with a patch the
    /// runs of consecutive base elements between the hidden ones, each patch element at its place,
    /// inside <paramref name="prefix"/> and <paramref name="suffix"/>; never read whole into memory.
    /// </summary>
    public Outcome WriteAll(ElementKind kind, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix, AnswerSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (patch is null)
            return sink(book.Section(kind.Answer)) ? Outcome.Written : Outcome.WriteFailed;
        var pieces = new List<(int First, int Last)>();
        var places = patch.Section(AnswerBookFormat.Of(kind.Places));
        var hidden = patch.Section(AnswerBookFormat.Of(kind.Hidden));
        int count = book.Count(kind.Elements, kind.Parts), added = places.Length / 4, hiddenCount = hidden.Length / 4;
        int cursor = 0, next = 0, skip = 0;
        while (cursor < count || next < added)
        {
            var place = next < added ? (int)AnswerBook.U32(places, next) : int.MaxValue;
            var hide = skip < hiddenCount ? (int)AnswerBook.U32(hidden, skip) : int.MaxValue;
            var end = Math.Min(count, Math.Min(place, hide));
            if (end > cursor)
            {
                pieces.Add((cursor, end - 1));
                cursor = end;
            }
            else if (place <= cursor)
            {
                pieces.Add((~next, ~next));
                next++;
            }
            else if (hide == cursor)
            {
                cursor++;
                skip++;
            }
            else
            {
                return Outcome.NotHere;
            }
        }

        foreach (var (first, last) in pieces)
        {
            if (!(first >= 0 ? book.TryRun(kind.Answer, kind.Elements, kind.Parts, first, last, out _) : patch.TryPart(kind.Answer, kind.Elements, kind.Parts, ~first, 0, out _)))
                return Outcome.NotHere;
        }

        var stream = new AnswerBlocks(sink);
        stream.Put(prefix);
        for (var i = 0; i < pieces.Count; i++)
        {
            if (i > 0)
                stream.Put((byte)',');
            var (first, last) = pieces[i];
            ReadOnlySpan<byte> bytes;
            if (first >= 0)
                book.TryRun(kind.Answer, kind.Elements, kind.Parts, first, last, out bytes);
            else
                patch.TryPart(kind.Answer, kind.Elements, kind.Parts, ~first, 0, out bytes);
            stream.Put(bytes);
        }

        stream.Put(suffix);
        return stream.Finish();
    }

    /// <summary>The base elements <paramref name="found"/> that the patch does not hide and the patch elements <paramref name="patched"/>, each at its place.</summary>
    private List<int> Merge(ElementKind kind, IReadOnlyList<int> found, IReadOnlyList<int> patched)
    {
        var places = patch!.Section(AnswerBookFormat.Of(kind.Places));
        var hidden = patch.Section(AnswerBookFormat.Of(kind.Hidden));
        var merged = new List<int>(found.Count + patched.Count);
        int i = 0, j = 0;
        while (i < found.Count || j < patched.Count)
        {
            if (j < patched.Count && (i >= found.Count || AnswerBook.U32(places, patched[j]) <= (uint)found[i]))
            {
                merged.Add(~patched[j++]);
                continue;
            }

            if (!IsHidden(hidden, (uint)found[i]))
                merged.Add(found[i]);
            i++;
        }

        return merged;
    }

    private static bool IsHidden(ReadOnlySpan<byte> hidden, uint element)
    {
        int low = 0, high = hidden.Length / 4;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            var at = AnswerBook.U32(hidden, middle);
            if (at == element)
                return true;
            if (at < element)
                low = middle + 1;
            else
                high = middle;
        }

        return false;
    }

    public void Dispose()
    {
        book.Dispose();
        patch?.Dispose();
    }
}

/// <summary>Which answer, element section and patch sections a kind of merged element lives in.</summary>
public sealed record ElementKind(BookSection Answer, BookSection Elements, int Parts, PatchSection Places, PatchSection Hidden);
