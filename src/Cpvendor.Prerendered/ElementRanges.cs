using System.Buffers.Binary;

namespace Cpvendor.Prerendered;

/// <summary>
/// The answer and the element ranges of one <see cref="ElementKind"/> in a book and in its patch,
/// found once per call (<see cref="BookView.Ranges"/>): reading an element's range is then a
/// multiplication and a bounds check rather than a walk of the section table. Elements are numbered
/// as <see cref="BookView"/> numbers them; a range that does not fit is refused, never followed.
/// </summary>
public readonly ref struct ElementRanges
{
    private readonly ReadOnlySpan<byte> bookAnswer;
    private readonly ReadOnlySpan<byte> bookRanges;
    private readonly ReadOnlySpan<byte> patchAnswer;
    private readonly ReadOnlySpan<byte> patchRanges;
    private readonly int parts;

    internal ElementRanges(ReadOnlySpan<byte> bookAnswer, ReadOnlySpan<byte> bookRanges, ReadOnlySpan<byte> patchAnswer, ReadOnlySpan<byte> patchRanges, int parts)
    {
        this.bookAnswer = bookAnswer;
        this.bookRanges = bookRanges;
        this.patchAnswer = patchAnswer;
        this.patchRanges = patchRanges;
        this.parts = parts;
    }

    /// <summary>
    /// Parts <paramref name="first"/> to <paramref name="last"/> of <paramref name="element"/> as one
    /// range of its answer: one part, or members of the element's object each starting one byte after
    /// the one before ends; false when they are not so placed or the ranges do not fit. The answer is
    /// JSON without whitespace, so the one byte between two members is the comma that joins them,
    /// and the range prints them exactly as printing each member and a comma between would. Only the
    /// ranges are read here, not the answer's bytes: checking every record before writing any stays a
    /// walk of the range section alone.
    /// </summary>
    public bool TryParts(int element, int first, int last, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryLocate(element, first, last, out var start, out var length))
            return false;
        bytes = AnswerOf(element).Slice(start, length);
        return true;
    }

    /// <summary>Where <see cref="TryParts"/> finds its range in <see cref="AnswerOf"/> <paramref name="element"/>, found from the range section alone.</summary>
    public bool TryLocate(int element, int first, int last, out int start, out int length)
    {
        (start, length) = (0, 0);
        var answer = AnswerOf(element);
        var ranges = element >= 0 ? bookRanges : patchRanges;
        var at = (((long)(element >= 0 ? element : ~element) * parts) + first) * 8;
        if (first < 0 || last < first || last >= parts || at + ((last - first + 1) * 8L) > ranges.Length)
            return false;
        var entry = (int)at;
        var from = BinaryPrimitives.ReadUInt32LittleEndian(ranges[entry..]);
        var end = (ulong)from + BinaryPrimitives.ReadUInt32LittleEndian(ranges[(entry + 4)..]);
        for (var part = first + 1; part <= last; part++)
        {
            entry += 8;
            var next = BinaryPrimitives.ReadUInt32LittleEndian(ranges[entry..]);
            if (next != end + 1)
                return false;
            end = (ulong)next + BinaryPrimitives.ReadUInt32LittleEndian(ranges[(entry + 4)..]);
        }

        if (end > (ulong)answer.Length)
            return false;
        (start, length) = ((int)from, (int)(end - from));
        return true;
    }

    /// <summary>
    /// <see cref="TryLocate"/>'s range packed into one value that <see cref="Unpack"/> turns back into
    /// the bytes without reading the range section again: a walk that checks every record before
    /// writing any keeps these instead of locating each range twice.
    /// </summary>
    public bool TryPack(int element, int first, int last, out long packed)
    {
        packed = 0;
        if (!TryLocate(element, first, last, out var start, out var length))
            return false;
        packed = (element >= 0 ? 0 : PatchBit) | ((long)start << 32) | (uint)length;
        return true;
    }

    /// <summary>The bytes a <see cref="TryPack"/> value names.</summary>
    public ReadOnlySpan<byte> Unpack(long packed) =>
        ((packed & PatchBit) == 0 ? bookAnswer : patchAnswer).Slice((int)((packed & ~PatchBit) >> 32), (int)(uint)packed);

    /// <summary>
    /// Asks the processor to fetch the first bytes a <see cref="TryPack"/> value names while earlier
    /// ones are copied: records lie apart in the mapped answer, so the copy would otherwise wait on
    /// memory at each of them. Only a hint: nothing is read, and a value past the answer is ignored.
    /// </summary>
    public unsafe void Prefetch(long packed)
    {
        var answer = (packed & PatchBit) == 0 ? bookAnswer : patchAnswer;
        var start = (int)((packed & ~PatchBit) >> 32);
        if (System.Runtime.Intrinsics.X86.Sse.IsSupported && (uint)start < (uint)answer.Length)
            System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref System.Runtime.CompilerServices.Unsafe.AsRef(in answer[start])));
    }

    private const long PatchBit = long.MinValue;

    /// <summary>The answer that holds <paramref name="element"/>: the book's, or the patch's for a patch element.</summary>
    public ReadOnlySpan<byte> AnswerOf(int element) => element >= 0 ? bookAnswer : patchAnswer;
}
