using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Edits the bucket files of sealed account answers (<see cref="SealedBucket"/>): a bucket is read
/// once when a publish first touches one of its uids, its records are replaced or removed, and each
/// bucket that changed is written whole into the batch (public, 0444, root's). A record whose image
/// is unchanged under the same key keeps its bytes, so republishing an unchanged store rewrites
/// nothing. Buckets are read, edited and written back: callers hold <see cref="LockPath"/>.
/// </summary>
internal sealed class SealedAccountWriter(InstallConfig config)
{
    private const UnixFileMode BucketMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly Dictionary<int, SortedDictionary<uint, byte[]>> buckets = [];
    private readonly HashSet<int> changed = [];
    private readonly HashSet<int> damaged = [];
    private readonly HashSet<int> flushed = [];

    /// <summary>The lock of everyone who edits buckets, beside the store.</summary>
    public static string LockPath(InstallConfig config) => config.Store + ".accounts.lock";

    /// <summary>Every bucket file in the folder, by number.</summary>
    public static IEnumerable<int> Published(InstallConfig config)
    {
        if (!Directory.Exists(config.UsersDir))
            yield break;
        foreach (var file in Directory.EnumerateFiles(config.UsersDir, "*" + SealedBucket.Extension))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (name.Length == 3 && int.TryParse(name, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var bucket)
                && SealedBucket.FileName(bucket) == Path.GetFileName(file))
            {
                yield return bucket;
            }
        }
    }

    /// <summary>Seals <paramref name="image"/> as <paramref name="uid"/>'s record, unless its record already opens to it with <paramref name="key"/>.</summary>
    public void Put(uint uid, byte[] key, byte[] image)
    {
        var records = Load(SealedBucket.Of(uid));
        if (records.TryGetValue(uid, out var old) && SealedBucket.Open(old, key) is { } kept && kept.AsSpan().SequenceEqual(image))
            return;
        records[uid] = SealedBucket.Seal(key, Libc.RandomBytes(ChaCha20.NonceLength), image);
        changed.Add(SealedBucket.Of(uid));
    }

    public void Remove(uint uid)
    {
        if (Load(SealedBucket.Of(uid)).Remove(uid))
            changed.Add(SealedBucket.Of(uid));
    }

    /// <summary>
    /// Keeps only the records of <paramref name="keep"/> in <paramref name="bucket"/>, writes it into
    /// <paramref name="batch"/> when it changed and forgets its records: a publish of every account
    /// that walks the uids bucket by bucket holds one bucket at a time, not all of them. A bucket
    /// flushed is not loaded again by this writer.
    /// </summary>
    public void Flush(int bucket, IReadOnlySet<uint> keep, AtomicFileBatch batch, uint? owner)
    {
        var records = Load(bucket);
        foreach (var uid in records.Keys.Where(u => !keep.Contains(u)).ToList())
        {
            records.Remove(uid);
            changed.Add(bucket);
        }

        WriteBucket(bucket, batch, owner);
        changed.Remove(bucket);
        buckets.Remove(bucket);
        flushed.Add(bucket);
    }

    /// <summary>Removes the record of every uid <paramref name="keep"/> does not hold, from every bucket published and not yet flushed.</summary>
    public void KeepOnly(IReadOnlySet<uint> keep)
    {
        foreach (var bucket in Published(config).Where(b => !flushed.Contains(b)).ToList())
        {
            var records = Load(bucket);
            foreach (var uid in records.Keys.Where(u => !keep.Contains(u)).ToList())
            {
                records.Remove(uid);
                changed.Add(bucket);
            }
        }
    }

    /// <summary>Writes every bucket that changed into <paramref name="batch"/>; one left without records is removed instead.</summary>
    public void Write(AtomicFileBatch batch, uint? owner)
    {
        foreach (var bucket in changed)
            WriteBucket(bucket, batch, owner);
    }

    private void WriteBucket(int bucket, AtomicFileBatch batch, uint? owner)
    {
        if (!changed.Contains(bucket))
            return;
        var path = SealedAccounts.BucketFile(config, bucket);
        if (buckets[bucket].Count == 0)
            File.Delete(path);
        else
            batch.Write(path, SealedBucket.Build(buckets[bucket]), BucketMode, owner, owner);
    }

    /// <summary>Buckets found not holding together: rewritten from what this publish seals, so their other uids must be sealed again too.</summary>
    public IReadOnlySet<int> Damaged => damaged;

    private SortedDictionary<uint, byte[]> Load(int bucket)
    {
        if (buckets.TryGetValue(bucket, out var records))
            return records;
        if (flushed.Contains(bucket))
            throw new InvalidOperationException($"bucket {bucket} was already written by this publish");
        var path = SealedAccounts.BucketFile(config, bucket);
        if (!File.Exists(path))
        {
            records = [];
        }
        else if (SealedBucket.ReadAll(File.ReadAllBytes(path)) is { } read)
        {
            records = read;
        }
        else
        {
            records = [];
            damaged.Add(bucket);
            changed.Add(bucket);
        }

        buckets[bucket] = records;
        return records;
    }
}
