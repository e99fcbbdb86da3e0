using System.Buffers.Binary;
using System.Text;
using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Prerendered;
using Cpvendor.Store.Model;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Writes the book patch (docs/cpapi.md, "the book patch"): what the answers of the current
/// generation hold that the book does not, found from the store's own change log (migration 8) since
/// the position the book was built at. The elements of each changed account and domain that still
/// exists are rendered by the live scripts' own filters (<c>users --username</c>, <c>domains --name
/// --with-php</c>) and indexed like the book's, beside the place each takes among the book's elements
/// and the book's elements they replace or remove; the packages list whole when it changed. The
/// patch is rebuilt whole from the book each time, so it costs what changed since the book. A change
/// it cannot hold (the log says 'wide', the book's position was trimmed from the log, another
/// store's log) leaves it to a full build.
/// </summary>
public static class AnswerBookPatcher
{
    /// <summary>
    /// The most accounts and domains a patch holds before a full build replaces book and patch: a
    /// patch that large still answers, and costs its rendering at each further change.
    /// </summary>
    public const int CompactAt = 256;

    /// <summary>Beyond this many names (a batch, a sync) no patch is written: a full build costs less.</summary>
    public const int MostNames = 4 * CompactAt;

    internal const int MostRows = 4 * MostNames;
    private static readonly byte[] NotFound = "{\"data\":null,\"metadata\":{\"result\":\"NotFound\""u8.ToArray();

    /// <summary>Whether a patch for generation <paramref name="current"/> over the book in place is there.</summary>
    public static bool Serves(InstallConfig config, GenerationStamp current)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var patch = AnswerBook.OpenPatch(AnswerFiles.Patch(config), AnswerFiles.Generation(config), long.MinValue);
        if (patch is null || patch.Stamp != current)
            return false;
        using var book = BookView.OpenBaseOf(config, patch);
        return book is not null;
    }

    /// <summary>
    /// Writes the patch that brings the book to the current generation; the number of accounts and
    /// domains it holds, or null when only a full build can (nothing written then). Never waits for
    /// a builder: one that holds the book's lock is left to build.
    /// </summary>
    public static int? TryPatch(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            using var guard = FileLock.TryAcquire(Path.Combine(AnswerFiles.ModelFolder(config), ".book.lock"), TimeSpan.Zero);
            var generation = AnswerFiles.Generation(config);
            if (guard is null || GenerationStamp.Of(generation) is not { } stamp)
                return null;
            using var book = AnswerBook.OpenBase(AnswerFiles.Book(config), null);
            if (book is null)
                return null;
            var bookLog = book.Section(BookSection.Log);
            var position = AnswerBookFormat.PositionOf(bookLog);
            if (position < 0)
                return null;
            using var context = new ScriptContext(config, new Caller(0, CallerRole.Root));
            var until = context.Store.ServableUntil();
            var log = context.Store.BookLog(position, MostRows + 1);
            if (log.Epoch != Encoding.UTF8.GetString(bookLog[8..]) || !log.Complete || log.Changes.Count > MostRows)
                return null;
            var changed = Changed(log);
            if (changed is null || changed.Users.Count + changed.Domains.Count > MostNames)
                return null;
            var patch = Build(context, book, stamp, until, log, changed);
            // A newer generation was published meanwhile: its own publish brings the answers there.
            if (patch is null || GenerationStamp.Of(generation) != stamp)
                return null;
            AnswerBookPublisher.WriteBesideGeneration(config, AnswerFiles.Patch(config), patch);
            AnswerBookPublisher.PublishDbInfo(config, stamp, log, patch: true);
            return changed.Users.Count + changed.Domains.Count;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            // A full build follows: the patch is a shortcut, never the only way.
            return null;
        }
    }

    /// <summary>What the log's rows touched, or null when one of them reaches beyond what a patch holds.</summary>
    private static Changes? Changed(BookLog log)
    {
        var changes = new Changes();
        foreach (var change in log.Changes)
        {
            switch (change.Kind)
            {
                case "user" when change.Key is not null:
                    changes.Users.Add(change.Key);
                    break;
                case "domain" when change.Key is not null:
                    changes.Domains.Add(change.Key);
                    break;
                case "packages":
                    changes.Packages = true;
                    break;
                case "db":
                    changes.LastDbChange = change.Id;
                    break;
                default:
                    return null;
            }
        }

        return changes;
    }

    private static byte[]? Build(ScriptContext context, AnswerBook book, GenerationStamp stamp, long until, BookLog log, Changes changed)
    {
        var keys = new NameBlob();
        var users = Rendered(context, book, changed.Users, BookSection.UsernameIndex, "users", "--username", AnswerBookFormat.ListPrefix, AnswerBookFormat.ListSuffix, true);
        var domains = Rendered(context, book, changed.Domains, BookSection.DomainNameIndex, "domains", "--name", AnswerBookFormat.ObjectPrefix, AnswerBookFormat.ObjectSuffix, false);
        if (users is null || domains is null
            || AnswerBookIndexer.Users(users.Answer, keys) is not { } index
            || AnswerBookIndexer.Domains(domains.Answer, keys) is not { } domainIndex
            || index.Records.Length / (AnswerBookFormat.RecordFields * 8) != users.Places.Count
            || domainIndex.Members.Length / (AnswerBookFormat.DomainParts * 8) != domains.Places.Count)
        {
            return null;
        }

        byte[] packages = [], packageElements = [], packageOwners = [], packageNames = [];
        if (changed.Packages)
        {
            packages = CpapiRunner.Live("packages", context).ToArray();
            if (AnswerBookIndexer.List(packages, keys, "owner", "name") is not { } packageIndex)
                return null;
            (packageElements, packageOwners, packageNames) = (packageIndex.Elements, packageIndex.Indexes[0], packageIndex.Indexes[1]);
        }

        var named = new byte[AnswerBookFormat.StampLength + 16];
        AnswerBookFormat.WriteStamp(named, book.Stamp);
        BinaryPrimitives.WriteInt64LittleEndian(named.AsSpan(AnswerBookFormat.StampLength), log.After);
        BinaryPrimitives.WriteInt64LittleEndian(named.AsSpan(AnswerBookFormat.StampLength + 8), changed.LastDbChange);
        return AnswerBookFormat.Build(AnswerBookFormat.PatchMagic, stamp, until,
        [
            users.Answer, domains.Answer, packages, [], [], [], index.Records, index.Uids, index.Usernames, keys.ToArray(),
            domainIndex.Members, domainIndex.Names, domainIndex.Owners, index.Owners, index.Packages,
            packageElements, packageOwners, packageNames, [], [], [], [], [], [], AnswerBookFormat.LogBytes(log.Epoch, log.Position),
            named, U32s(users.Places), U32s(users.Hidden), U32s(domains.Places), U32s(domains.Hidden),
        ]);
    }

    /// <summary>
    /// The elements the live script prints today for each of <paramref name="names"/> (in the
    /// answer's order: by the name's bytes), joined into one envelope, with the place each takes among
    /// the book's elements and the book's elements of those names; null when a name's answer is neither
    /// its elements nor NotFound.
    /// </summary>
    private static Rendering? Rendered(ScriptContext context, AnswerBook book, HashSet<string> names, BookSection index, string script, string filter,
        ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> suffix, bool users)
    {
        var sorted = names.Select(Encoding.UTF8.GetBytes).ToList();
        sorted.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        var answer = new MemoryStream();
        answer.Write(prefix);
        var places = new List<uint>();
        var hidden = new List<uint>();
        foreach (var key in sorted)
        {
            var place = book.LowerBound(index, key);
            if (place < 0 || book.Lookup(index, key) is not { } replaced)
                return null;
            hidden.AddRange(replaced.Select(element => (uint)element));
            string[] rest = users ? [filter, Encoding.UTF8.GetString(key)] : [filter, Encoding.UTF8.GetString(key), "--with-php"];
            var one = CpapiRunner.Live(script, rest, context).ToArray();
            if (one.AsSpan().StartsWith(NotFound))
                continue;
            if (!one.AsSpan().StartsWith(prefix) || !one.AsSpan().EndsWith(suffix))
                return null;
            var elements = one.AsSpan(prefix.Length, one.Length - prefix.Length - suffix.Length);
            var count = users ? Count(one) : 1;
            if (count is not { } found || elements.IsEmpty)
                return null;
            if (places.Count > 0)
                answer.WriteByte((byte)',');
            answer.Write(elements);
            places.AddRange(Enumerable.Repeat((uint)place, found));
        }

        answer.Write(suffix);
        hidden.Sort();
        return new Rendering(answer.ToArray(), places, hidden);
    }

    /// <summary>How many user records a users answer lists, or null when it is not one.</summary>
    private static int? Count(byte[] answer) =>
        AnswerBookIndexer.Users(answer, new NameBlob()) is { } index ? index.Records.Length / (AnswerBookFormat.RecordFields * 8) : null;

    private static byte[] U32s(List<uint> values)
    {
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), values[i]);
        return bytes;
    }

    private sealed record Rendering(byte[] Answer, List<uint> Places, List<uint> Hidden);

    private sealed class Changes
    {
        public HashSet<string> Users { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Domains { get; } = new(StringComparer.Ordinal);

        public bool Packages { get; set; }

        public long LastDbChange { get; set; }
    }
}
