using System.Security.Cryptography;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.UnitTests.Sealing;

public sealed class SealedBucketTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(70_001)]
    public void The_key_stream_from_block_one_is_the_platforms_chacha20_poly1305_ciphertext(int length)
    {
        // RFC 8439 section 2.8: the AEAD's ciphertext is ChaCha20 from block counter 1.
        var key = RandomNumberGenerator.GetBytes(ChaCha20.KeyLength);
        var nonce = RandomNumberGenerator.GetBytes(ChaCha20.NonceLength);
        var plain = RandomNumberGenerator.GetBytes(length);
        var expected = new byte[length];
        using (var aead = new ChaCha20Poly1305(key))
            aead.Encrypt(nonce, plain, expected, new byte[16]);

        var ours = plain.ToArray();
        ChaCha20.Xor(key, nonce, 1, ours);

        Assert.Equal(expected, ours);
    }

    [Fact]
    public void A_record_opens_with_its_key_only_and_hides_its_length_to_the_padding()
    {
        var key = RandomNumberGenerator.GetBytes(SealedBucket.KeyLength);
        var image = "CPVUSER1 the answers of one account"u8.ToArray();
        var first = SealedBucket.Seal(key, RandomNumberGenerator.GetBytes(ChaCha20.NonceLength), image);
        var second = SealedBucket.Seal(key, RandomNumberGenerator.GetBytes(ChaCha20.NonceLength), image);

        Assert.Equal(image, SealedBucket.Open(first, key));
        Assert.Null(SealedBucket.Open(first, RandomNumberGenerator.GetBytes(SealedBucket.KeyLength)));
        Assert.NotEqual(first, second);
        Assert.Equal(first.Length, SealedBucket.Seal(key, RandomNumberGenerator.GetBytes(ChaCha20.NonceLength), image.Concat(new byte[100]).ToArray()).Length);
        Assert.False(first.AsSpan().IndexOf("answers"u8) >= 0);
    }

    [Fact]
    public void A_bucket_finds_each_uid_and_reports_a_missing_one_and_damage()
    {
        var records = new SortedDictionary<uint, byte[]>();
        var keys = new Dictionary<uint, byte[]>();
        foreach (var uid in new uint[] { 4096 + 7, 7, (4096 * 9) + 7 })
        {
            keys[uid] = RandomNumberGenerator.GetBytes(SealedBucket.KeyLength);
            records[uid] = SealedBucket.Seal(keys[uid], RandomNumberGenerator.GetBytes(ChaCha20.NonceLength), BitConverter.GetBytes(uid));
        }

        var bucket = SealedBucket.Build(records);

        foreach (var (uid, key) in keys)
        {
            Assert.True(SealedBucket.TryFind(bucket, uid, out var range));
            Assert.Equal(BitConverter.GetBytes(uid), SealedBucket.Open(bucket.AsSpan()[range], key));
        }

        Assert.True(SealedBucket.TryFind(bucket, (4096 * 2) + 7, out var none));
        Assert.Equal(default, none);
        Assert.Equal(keys.Keys.Order(), SealedBucket.ReadAll(bucket)!.Keys);
        Assert.False(SealedBucket.TryFind(bucket.AsSpan(0, bucket.Length - 1), (4096 * 9) + 7, out _));
        Assert.Null(SealedBucket.ReadAll(bucket.AsSpan(0, bucket.Length - 1)));
        Assert.False(SealedBucket.TryFind("CPVSEAL0"u8.ToArray().Concat(bucket.Skip(8)).ToArray(), 7, out _));
    }
}
