using System.Buffers.Binary;
using System.Numerics;

namespace Cpvendor.Prerendered.Sealing;

/// <summary>
/// The ChaCha20 stream cipher of RFC 8439 section 2.4 (256-bit key, 96-bit nonce, 32-bit block
/// counter), in portable code so that the small binary seals and opens account answers without
/// loading a crypto library (its start is most of what an answer costs). Tests compare every
/// output with the ChaCha20-Poly1305 of the platform's crypto library, whose ciphertext is this
/// stream from block 1.
/// </summary>
public static class ChaCha20
{
    public const int KeyLength = 32;
    public const int NonceLength = 12;
    public const int BlockLength = 64;

    /// <summary>
    /// XORs <paramref name="data"/> in place with the key stream of <paramref name="key"/> and
    /// <paramref name="nonce"/>, starting at block <paramref name="counter"/>.
    /// </summary>
    public static void Xor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<byte> data)
    {
        Span<byte> stream = stackalloc byte[BlockLength];
        while (!data.IsEmpty)
        {
            Block(key, nonce, counter++, stream);
            var n = Math.Min(BlockLength, data.Length);
            for (var i = 0; i < n; i++)
                data[i] ^= stream[i];
            data = data[n..];
        }
    }

    /// <summary>Block <paramref name="counter"/> of the key stream (RFC 8439 section 2.3), 64 bytes into <paramref name="output"/>.</summary>
    public static void Block(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, uint counter, Span<byte> output)
    {
        if (key.Length != KeyLength || nonce.Length != NonceLength || output.Length < BlockLength)
            throw new ArgumentException("ChaCha20 takes a 32-byte key, a 12-byte nonce and a 64-byte block");
        Span<uint> initial = stackalloc uint[16];
        // "expand 32-byte k", the key, the counter, the nonce; words little-endian.
        initial[0] = 0x61707865;
        initial[1] = 0x3320646e;
        initial[2] = 0x79622d32;
        initial[3] = 0x6b206574;
        for (var i = 0; i < 8; i++)
            initial[4 + i] = BinaryPrimitives.ReadUInt32LittleEndian(key[(i * 4)..]);
        initial[12] = counter;
        for (var i = 0; i < 3; i++)
            initial[13 + i] = BinaryPrimitives.ReadUInt32LittleEndian(nonce[(i * 4)..]);

        Span<uint> x = stackalloc uint[16];
        initial.CopyTo(x);
        for (var round = 0; round < 10; round++)
        {
            // A column round, then a diagonal round.
            Quarter(x, 0, 4, 8, 12);
            Quarter(x, 1, 5, 9, 13);
            Quarter(x, 2, 6, 10, 14);
            Quarter(x, 3, 7, 11, 15);
            Quarter(x, 0, 5, 10, 15);
            Quarter(x, 1, 6, 11, 12);
            Quarter(x, 2, 7, 8, 13);
            Quarter(x, 3, 4, 9, 14);
        }

        for (var i = 0; i < 16; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(output[(i * 4)..], x[i] + initial[i]);
    }

    private static void Quarter(Span<uint> x, int a, int b, int c, int d)
    {
        x[a] += x[b];
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = BitOperations.RotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = BitOperations.RotateLeft(x[b] ^ x[c], 7);
    }
}
