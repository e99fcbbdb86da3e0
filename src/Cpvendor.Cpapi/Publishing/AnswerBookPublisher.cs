using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Processes;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Prerendered;
using Cpvendor.Store.Model;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Publishes the answer book (<see cref="AnswerBookFormat"/>) beside the current read-model
/// generation: every administrator list the live scripts print for it, with the ranges the small
/// binary concatenates for the indexed filters. Run as root after a generation is published: by
/// <c>publish</c>, install and sync before they return, and after a lifecycle command in a process of
/// its own (<see cref="PublishSoon"/>); a book of another generation never answers. It is rendered from the
/// generation itself (never the live store) and stamped with that file's identity and the data's
/// maximum age; one rendered while a newer generation arrived is not written, and any failure removes
/// the book, so the small binary hands the call to the full path and nothing old is served.
/// Serialised by its own lock so an older book never replaces a newer one.
/// </summary>
public static class AnswerBookPublisher
{
    /// <summary>
    /// The most owners a db_info patch holds before the answer is rendered whole again, as many as
    /// the book patch holds accounts and domains (<see cref="AnswerBookPatcher.CompactAt"/>). Each
    /// further change costs the store's rows of every owner the patch names and a binary search each
    /// in the members table: at this many, a few milliseconds, below a whole render, write and
    /// fsync of a panel large enough to need a patch (25-45 ms at 100,000 accounts); and each call
    /// reads no more than a few hundred segments.
    /// </summary>
    public const int DbInfoCompactAt = AnswerBookPatcher.CompactAt;

    /// <summary>
    /// A db_info patch whose own bytes pass this many, and an eighth of the answer, is compacted too:
    /// the call then reads more from the patch than a whole render would save.
    /// </summary>
    public const int DbInfoLiteralFloor = 64 * 1024;

    private static readonly string[] WithPhp = ["--with-php"];

    /// <summary>Brings the book in step with the current generation; true when it now answers for it.</summary>
    public static bool Publish(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var folder = AnswerFiles.ModelFolder(config);
        if (!Directory.Exists(folder))
            return false;
        var path = AnswerFiles.Book(config);
        try
        {
            using var guard = FileLock.Acquire(Path.Combine(folder, ".book.lock"), TimeSpan.FromSeconds(120));
            // Every builder holds the lock while it writes: a temporary file found now is a killed one's.
            foreach (var left in Directory.EnumerateFiles(folder, ".answers.book.*.tmp").Concat(Directory.EnumerateFiles(folder, ".answers.patch.*.tmp"))
                .Concat(Directory.EnumerateFiles(folder, ".db_info.answer.*.tmp")).Concat(Directory.EnumerateFiles(folder, ".db_info.patch.*.tmp")))
            {
                File.Delete(left);
            }

            var generation = AnswerFiles.Generation(config);
            if (GenerationStamp.Of(generation) is not { } before)
            {
                File.Delete(path);
                File.Delete(AnswerFiles.Patch(config));
                File.Delete(AnswerFiles.DbInfo(config));
                File.Delete(AnswerFiles.DbInfoPatch(config));
                return false;
            }

            if (StampOfBook(path) != before)
            {
                var (book, log) = Build(config, before);
                if (book is null || log is null)
                {
                    File.Delete(path);
                    return false;
                }

                // A newer generation was published meanwhile: its own publish writes its book.
                if (GenerationStamp.Of(generation) != before)
                    return false;
                WriteBesideGeneration(config, path, book);
                // The new book answers for the generation itself: a patch over the old one is done with.
                File.Delete(AnswerFiles.Patch(config));
                PublishDbInfo(config, before, log!, patch: false);
                return true;
            }

            File.Delete(AnswerFiles.Patch(config));
            using (var context = new ScriptContext(config, new Caller(0, CallerRole.Root)))
                PublishDbInfo(config, before, context.Store.BookLog(0, 0), patch: false);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            // Without a book every call takes the full path: slower, never wrong.
            TryDelete(path);
            TryDelete(AnswerFiles.Patch(config));
            TryDelete(AnswerFiles.DbInfo(config));
            TryDelete(AnswerFiles.DbInfoPatch(config));
            return false;
        }
    }

    /// <summary>Writes the book or its patch as the book is written: whole and renamed, 0640 root and the administrators' group.</summary>
    internal static void WriteBesideGeneration(InstallConfig config, string path, byte[] bytes)
    {
        var asRoot = Libc.GetEuid() == 0;
        SecureFile.WriteAtomic(path, bytes, FileModes.GroupFile, asRoot ? 0u : null, asRoot ? config.AdminGid ?? 0 : null);
    }

    /// <summary>
    /// Writes the db_info patch (docs/cpapi.md, "the db_info answer and its patch") that brings the
    /// answer file to the generation <paramref name="context"/> reads: the owners the previous patch
    /// over the same file named, and those the change log names since, have their members rendered
    /// again from the store; the rest of the answer is copied from the file. False, with nothing
    /// written, for a whole render: that file is not for this credential or this log, has no members
    /// table, a row since names no owner (written before the store recorded owners) or the log lost
    /// rows, or the patch would pass <see cref="DbInfoCompactAt"/> owners or <see cref="DbInfoLiteralFloor"/> bytes of its own.
    /// </summary>
    private static bool PatchDbInfo(InstallConfig config, ScriptContext context, GenerationStamp stamp, long until, BookLog log, byte[] source)
    {
        using var current = DbInfoAnswer.Open(AnswerFiles.DbInfo(config), AnswerFiles.DbInfoPatch(config));
        if (current is null || !current.Base.Section((int)DbInfoSection.Source).SequenceEqual(source))
            return false;
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var at = current.Base.Section((int)DbInfoSection.Log);
        if (current.Patch is { } patch && patch.Section((int)DbInfoPatchSection.Source).SequenceEqual(source))
        {
            if (DbInfoSplice.OwnersOf(patch.Section((int)DbInfoPatchSection.Owners)) is not { } named)
                return false;
            owners.UnionWith(named);
            at = patch.Section((int)DbInfoPatchSection.Log);
        }
        else if (current.Patch is not null)
        {
            return false;
        }

        var position = AnswerBookFormat.PositionOf(at);
        if (position < 0 || Encoding.UTF8.GetString(at[8..]) != log.Epoch)
            return false;
        var since = context.Store.BookLog(position, AnswerBookPatcher.MostRows + 1);
        if (since.Epoch != log.Epoch || !since.Complete || since.Changes.Count > AnswerBookPatcher.MostRows)
            return false;
        foreach (var change in since.Changes.Where(c => c.Kind == "db"))
        {
            if (change.Key is null)
                return false;
            owners.Add(change.Key);
        }

        var answer = current.Base.Section((int)DbInfoSection.Answer);
        if (owners.Count > DbInfoCompactAt
            || DbInfoSplice.Patch(answer, current.Base.Section((int)DbInfoSection.Members), owners, context.Store.DbMappingOf(owners)) is not { } segments
            || segments.LiteralLength > Math.Max(answer.Length / 8, DbInfoLiteralFloor))
        {
            return false;
        }

        // A credential changed meanwhile: the whole render that follows finds it out.
        if (DbInfoSource.Stamp(config.DbSecret) is not { } after || !after.AsSpan().SequenceEqual(source))
            return false;
        var asRoot = Libc.GetEuid() == 0;
        SecureFile.WriteAtomic(AnswerFiles.DbInfoPatch(config), AnswerBookFormat.Build(AnswerBookFormat.DbInfoPatchMagic, stamp, until,
            [source, segments.Literals, AnswerBookFormat.LogBytes(log.Epoch, log.Position), current.Base.Section((int)DbInfoSection.Id).ToArray(),
                DbInfoSplice.OwnersBytes(owners.Order(StringComparer.Ordinal)), segments.Segments()]),
            FileModes.PrivateFile, asRoot ? 0u : null, asRoot ? 0u : null);
        return true;
    }

    /// <summary>
    /// Brings root's db_info answer in step with the generation <paramref name="stamp"/> and the
    /// credential file: rendered by the live script as root and written 0600 root, never into the
    /// book, which administrators read (docs/security.md). After a patch (<paramref name="patch"/>)
    /// an answer that the patch says still holds the generation's database users is kept, and
    /// otherwise a db_info patch over the answer file is written when it can be
    /// (<see cref="PatchDbInfo"/>); else the answer is rendered whole, with its members table, and
    /// any db_info patch removed. Any doubt removes both, so the call takes the full path.
    /// </summary>
    internal static void PublishDbInfo(InstallConfig config, GenerationStamp stamp, BookLog log, bool patch)
    {
        var path = AnswerFiles.DbInfo(config);
        var patchPath = AnswerFiles.DbInfoPatch(config);
        try
        {
            if (DbInfoSource.Stamp(config.DbSecret) is not { } source)
            {
                TryDelete(path);
                TryDelete(patchPath);
                return;
            }

            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var generation = AnswerFiles.Generation(config);
            using (var current = DbInfoAnswer.Open(path, patchPath))
            using (var over = patch ? AnswerBook.OpenPatch(AnswerFiles.Patch(config), generation, now) : null)
            {
                if (current is not null && (current.Served.Stamp == stamp || over is not null) && current.Current(over, generation, now, source))
                    return;
            }

            using var context = new ScriptContext(config, new Caller(0, CallerRole.Root));
            var until = context.Store.ServableUntil();
            if (patch && PatchDbInfo(config, context, stamp, until, log, source))
                return;
            var answer = CpapiRunner.Live("db_info", context).ToArray();
            // A credential changed while the answer was rendered makes it one nobody may be served.
            if (!Envelope.IsOk(answer) || DbInfoSource.Stamp(config.DbSecret) is not { } after || !after.AsSpan().SequenceEqual(source))
            {
                TryDelete(path);
                TryDelete(patchPath);
                return;
            }

            var asRoot = Libc.GetEuid() == 0;
            SecureFile.WriteAtomic(path, AnswerBookFormat.Build(AnswerBookFormat.DbInfoMagic, stamp, until,
                [source, answer, AnswerBookFormat.LogBytes(log.Epoch, log.Position), DbInfoSplice.Members(answer) ?? [], Libc.RandomBytes(AnswerBookFormat.DbInfoIdLength)]),
                FileModes.PrivateFile, asRoot ? 0u : null, asRoot ? 0u : null);
            // The file has a new identity: a patch left names the one it replaced, and is done with.
            TryDelete(patchPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            TryDelete(path);
            TryDelete(patchPath);
        }
    }

    /// <summary>
    /// Publishes root's db_info answer whole for the current generation, as a full publish does: after
    /// the credential changed, so the next call is answered from it rather than by the full path.
    /// Root only; without a generation nothing is done (the first publish writes it).
    /// </summary>
    public static void PublishDbInfoNow(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var folder = AnswerFiles.ModelFolder(config);
        if (Libc.GetEuid() != 0 || !Directory.Exists(folder))
            return;
        try
        {
            using var guard = FileLock.Acquire(Path.Combine(folder, ".book.lock"), TimeSpan.FromSeconds(120));
            if (GenerationStamp.Of(AnswerFiles.Generation(config)) is not { } stamp)
                return;
            BookLog log;
            using (var context = new ScriptContext(config, new Caller(0, CallerRole.Root)))
                log = context.Store.BookLog(0, 0);
            PublishDbInfo(config, stamp, log, patch: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            // The answer file's credential stamp no longer matches: calls take the full path until the next publish.
        }
    }

    /// <summary>
    /// Brings the answers in step after a lifecycle commit, before the command returns, at the cost
    /// of what changed: a patch over the book holds the elements of the accounts and domains the
    /// change touched (<see cref="AnswerBookPatcher"/>), so the very next call is answered from book
    /// and patch. A change the patch cannot hold (PHP versions, the panel's defaults, administrators
    /// and resellers, too many accounts), or a book that a builder holds, starts
    /// <c>BIN/cpvendor publish --answer-book</c> of the install (clean environment, nothing inherited)
    /// and returns: until that book is in place the small binary hands every call to the full path,
    /// which answers from the new generation. A patch grown past
    /// <see cref="AnswerBookPatcher.CompactAt"/> names starts the same builder to replace book and
    /// patch. Without an installed binary only root can change (a library use) the book is built
    /// here and now.
    /// </summary>
    public static void PublishSoon(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        // Most flushes follow no new generation (a hook's bookkeeping, a command that changed nothing
        // served): a book, or a patch, already built for the current one needs nothing.
        if (GenerationStamp.Of(AnswerFiles.Generation(config)) is not { } current
            || StampOfBook(AnswerFiles.Book(config)) == current || AnswerBookPatcher.Serves(config, current))
        {
            return;
        }

        var patched = AnswerBookPatcher.TryPatch(config);
        if (patched is { } names && names <= AnswerBookPatcher.CompactAt)
            return;
        // Not waited for; a builder that cannot start leaves the book to be built here and now.
        if (!StartBuilder(config))
            Publish(config);
    }

    /// <summary>
    /// Starts <c>BIN/cpvendor publish --answer-book</c> of the install and returns; the builder moves
    /// into a session of its own as it starts, so what ends the starter's process group spares it.
    /// False, with nothing started, when this process is not root, the binary is missing or another
    /// account could change it, or it could not be started.
    /// </summary>
    internal static bool StartBuilder(InstallConfig config)
    {
        var binary = InstallLayout.BinaryUnder(config.Root);
        // Root runs it: only a binary no other account can change or replace (docs/security.md).
        if (Libc.GetEuid() != 0 || !File.Exists(binary) || Core.Paths.TrustedPath.Problem(binary) is not null)
            return false;
        return ChildProcess.Start([binary, "publish", "--answer-book"]);
    }

    /// <summary>The generation stamp in the header of the book at <paramref name="path"/>, or null.</summary>
    internal static GenerationStamp? StampOfBook(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            Span<byte> header = stackalloc byte[AnswerBookFormat.HeaderLength];
            if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length || !header.StartsWith(AnswerBookFormat.Magic))
                return null;
            return AnswerBookFormat.StampOf(header);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static (byte[]? Book, BookLog? Log) Build(InstallConfig config, GenerationStamp stamp)
    {
        // The two large answers are rendered side by side, each through a connection of its own to
        // the generation (the stamp checked before and after proves both read the same file).
        var usersTask = Task.Run(() =>
        {
            using var own = new ScriptContext(config, new Caller(0, CallerRole.Root));
            return CpapiRunner.Live("users", own).ToArray();
        });
        using var context = new ScriptContext(config, new Caller(0, CallerRole.Root));
        // Past its maximum age the generation answers nothing (ScriptContext refuses it): no book.
        var until = context.Store.ServableUntil();
        var log = context.Store.BookLog(0, 0);
        // Only the answer with PHP is kept: the one without is its members up to "php" (docs/cpapi.md).
        var domains = CpapiRunner.Live("domains", WithPhp, context).ToArray();
        var packages = CpapiRunner.Live("packages", context).ToArray();
        var resellers = CpapiRunner.Live("resellers", context).ToArray();
        var admins = CpapiRunner.Live("admins", context).ToArray();
        var php = CpapiRunner.Live("php", context).ToArray();
        var users = usersTask.GetAwaiter().GetResult();
        if (!Envelope.IsOk(php))
            return (null, null);
        var keys = new NameBlob();
        if (AnswerBookIndexer.Users(users, keys) is not { } index
            || AnswerBookIndexer.Domains(domains, keys) is not { } domainIndex
            || AnswerBookIndexer.List(packages, keys, "owner", "name") is not { } packageIndex
            || AnswerBookIndexer.List(resellers, keys, "name", "id") is not { } resellerIndex
            || AnswerBookIndexer.List(admins, keys, "name", "is_main") is not { } adminIndex)
        {
            return (null, null);
        }

        return (AnswerBookFormat.Build(stamp, until,
        [
            users, domains, packages, resellers, admins, php, index.Records, index.Uids, index.Usernames, keys.ToArray(),
            domainIndex.Members, domainIndex.Names, domainIndex.Owners, index.Owners, index.Packages,
            packageIndex.Elements, packageIndex.Indexes[0], packageIndex.Indexes[1], resellerIndex.Elements, resellerIndex.Indexes[0], resellerIndex.Indexes[1],
            adminIndex.Elements, adminIndex.Indexes[0], adminIndex.Indexes[1], AnswerBookFormat.LogBytes(log.Epoch, log.Position),
        ]), log);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The stamp already keeps a book of another generation from answering.
        }
    }
}
