namespace Cpvendor.Prerendered;

/// <summary>
/// Hands an answer assembled from many byte ranges to an <see cref="AnswerSink"/> in blocks of at
/// most 64 KB, so an answer as large as the book is written straight from the mapped pages and never
/// copied whole into memory first. A range as large as a block goes to the sink as it is.
/// </summary>
public sealed class AnswerBlocks(AnswerSink sink)
{
    private const int BlockSize = 64 * 1024;

    private readonly byte[] block = new byte[BlockSize];
    private int used;
    private bool failed;

    public void Put(ReadOnlySpan<byte> bytes)
    {
        if (failed)
            return;
        if (used + bytes.Length > BlockSize)
            Flush();
        if (bytes.Length >= BlockSize)
        {
            failed = !sink(bytes);
            return;
        }

        bytes.CopyTo(block.AsSpan(used));
        used += bytes.Length;
    }

    public void Put(byte b)
    {
        if (used == BlockSize)
            Flush();
        block[used++] = b;
    }

    /// <summary>Writes what is left; <see cref="Outcome.Written"/> when every block was taken.</summary>
    public Outcome Finish()
    {
        Flush();
        return failed ? Outcome.WriteFailed : Outcome.Written;
    }

    private void Flush()
    {
        if (!failed && used > 0)
            failed = !sink(block.AsSpan(0, used));
        used = 0;
    }
}
