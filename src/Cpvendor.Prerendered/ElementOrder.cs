namespace Cpvendor.Prerendered;

/// <summary>
/// Walks elements in the answer's order without building a list of them: those of a list a lookup
/// found, or every element of a kind in a book and its patch (<see cref="BookView.Order"/>): the
/// base's from the first on, less those the patch hides, each patch element at its place, as
/// <see cref="BookView.All"/> lists them. A copy walks again from where the copy was taken.
/// </summary>
public ref struct ElementOrder
{
    private readonly ReadOnlySpan<int> list;
    private readonly ReadOnlySpan<byte> places;
    private readonly ReadOnlySpan<byte> hidden;
    private readonly int count;
    private readonly bool walksList;
    private int cursor;
    private int next;
    private int skip;

    private ElementOrder(ReadOnlySpan<int> list, ReadOnlySpan<byte> places, ReadOnlySpan<byte> hidden, int count, bool walksList)
    {
        this.list = list;
        this.places = places;
        this.hidden = hidden;
        this.count = count;
        this.walksList = walksList;
    }

    /// <summary>The elements of <paramref name="list"/>, in its order.</summary>
    public static ElementOrder Of(ReadOnlySpan<int> list) => new(list, default, default, list.Length, walksList: true);

    /// <summary>
    /// Base elements 0 to <paramref name="count"/> - 1 less those in <paramref name="hidden"/>, with
    /// patch element i before the base element <paramref name="places"/> names (u32 sections, ascending, checked by the caller).
    /// </summary>
    internal static ElementOrder Merged(int count, ReadOnlySpan<byte> places, ReadOnlySpan<byte> hidden) => new(default, places, hidden, count, walksList: false);

    /// <summary>How many elements the walk gives at most: the list's, or the base's and the patch's together.</summary>
    public readonly int Bound => walksList ? count : count + (places.Length / 4);

    /// <summary>The next element; false past the last.</summary>
    public bool Next(out int element)
    {
        if (walksList)
        {
            element = cursor < count ? list[cursor] : 0;
            return cursor++ < count;
        }

        while (true)
        {
            if (next < places.Length / 4 && (cursor >= count || AnswerBook.U32(places, next) <= (uint)cursor))
            {
                element = ~next++;
                return true;
            }

            if (cursor >= count)
            {
                element = 0;
                return false;
            }

            while (skip < hidden.Length / 4 && AnswerBook.U32(hidden, skip) < (uint)cursor)
                skip++;
            element = cursor++;
            if (skip < hidden.Length / 4 && AnswerBook.U32(hidden, skip) == (uint)element)
            {
                skip++;
                continue;
            }

            return true;
        }
    }
}
