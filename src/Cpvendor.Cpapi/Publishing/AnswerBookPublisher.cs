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
                .Concat(Directory.EnumerateFiles(folder, ".db_info.answer.*.tmp")))
            {
                File.Delete(left);
            }

            var generation = AnswerFiles.Generation(config);
            if (GenerationStamp.Of(generation) is not { } before)
            {
                File.Delete(path);
                File.Delete(AnswerFiles.Patch(config));
                File.Delete(AnswerFiles.DbInfo(config));
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
    /// The db_info answer of the generation <paramref name="context"/> reads, made from the one
    /// published before by replacing the mapping members of the owners the change log names since
    /// that answer's position (<see cref="DbInfoSplice"/>); null, for a whole render, when that
    /// answer is not for this credential or this log, or a row since names no owner (written before
    /// the store recorded owners) or the log lost rows.
    /// </summary>
    private static byte[]? Spliced(InstallConfig config, ScriptContext context, BookLog log, byte[] source)
    {
        using var current = AnswerBook.OpenDbInfo(AnswerFiles.DbInfo(config));
        if (current is null || !current.Section(0).SequenceEqual(source))
            return null;
        var at = current.Section(2);
        var position = AnswerBookFormat.PositionOf(at);
        if (position < 0 || System.Text.Encoding.UTF8.GetString(at[8..]) != log.Epoch)
            return null;
        var since = context.Store.BookLog(position, AnswerBookPatcher.MostRows + 1);
        if (since.Epoch != log.Epoch || !since.Complete || since.Changes.Count > AnswerBookPatcher.MostRows)
            return null;
        var owners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in since.Changes.Where(c => c.Kind == "db"))
        {
            if (change.Key is null)
                return null;
            owners.Add(change.Key);
        }

        return DbInfoSplice.Apply(current.Section(1), owners, context.Store.DbMappingOf(owners));
    }

    /// <summary>
    /// Brings root's db_info answer file in step with the generation <paramref name="stamp"/> and the
    /// credential file: rendered by the live script as root and written 0600 root, never into the
    /// book, which administrators read (docs/security.md). Any doubt removes it, so the call takes
    /// the full path. After a patch (<paramref name="patch"/>) a file that the patch says still holds
    /// the generation's database users is kept.
    /// </summary>
    internal static void PublishDbInfo(InstallConfig config, GenerationStamp stamp, BookLog log, bool patch)
    {
        var path = AnswerFiles.DbInfo(config);
        try
        {
            if (DbInfoSource.Stamp(config.DbSecret) is not { } source)
            {
                TryDelete(path);
                return;
            }

            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            using (var current = AnswerBook.OpenDbInfo(path))
            using (var over = patch ? AnswerBook.OpenPatch(AnswerFiles.Patch(config), AnswerFiles.Generation(config), now) : null)
            {
                if (current is not null && (current.Stamp == stamp || over is not null) && AnswerBook.DbInfoCurrent(current, over, AnswerFiles.Generation(config), now)
                    && current.Section(0).SequenceEqual(source))
                {
                    return;
                }
            }

            using var context = new ScriptContext(config, new Caller(0, CallerRole.Root));
            var until = context.Store.ServableUntil();
            var answer = (patch ? Spliced(config, context, log, source) : null) ?? CpapiRunner.Live("db_info", context).ToArray();
            // A credential changed while the answer was rendered makes it one nobody may be served.
            if (!Envelope.IsOk(answer) || DbInfoSource.Stamp(config.DbSecret) is not { } after || !after.AsSpan().SequenceEqual(source))
            {
                TryDelete(path);
                return;
            }

            var asRoot = Libc.GetEuid() == 0;
            SecureFile.WriteAtomic(path, AnswerBookFormat.Build(AnswerBookFormat.DbInfoMagic, stamp, until, [source, answer, AnswerBookFormat.LogBytes(log.Epoch, log.Position)]),
                FileModes.PrivateFile, asRoot ? 0u : null, asRoot ? 0u : null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            TryDelete(path);
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
