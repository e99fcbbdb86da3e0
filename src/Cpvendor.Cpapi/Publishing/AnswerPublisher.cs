using System.Globalization;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Prerendered;
using Cpvendor.Prerendered.Sealing;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Keeps the files unprivileged callers read in step with the store: the public panel_info answer
/// (0644) and one file per UNIX id (0440, written by root, readable by that uid alone through its
/// private group or an ACL: <see cref="AnswerFileAccess"/>) in a folder that only root can list
/// (0711). Run as root after every change; see docs/security.md. A file whose content, mode and
/// owner are already right is left alone, so republishing an unchanged store touches nothing. The
/// store revision the files reflect is stamped in <c>public/revision</c> for <c>cpvendor doctor</c>.
/// </summary>
public static class AnswerPublisher
{
    private const UnixFileMode PublicDirMode = FileModes.PublicFolder;
    private const UnixFileMode UsersDirMode = FileModes.UsersFolder;
    private const UnixFileMode PublicFileMode = FileModes.PublicFile;
    private const UnixFileMode UserFileMode = FileModes.OwnerReadOnly; // 0400, when not published by root

    /// <summary>Republishes everything and removes files of ids that no longer have an account.</summary>
    public static PublishReport PublishAll(InstallConfig config)
    {
        ReadModelPublisher.Publish(config, force: true);
        AnswerBookPublisher.Publish(config);
        using var store = PanelReader.Open(config.Store);
        PublishPanelInfo(config, store);
        var uids = store.Uids();
        PublishUsers(config, store, uids, uids.ToHashSet());
        var removed = RemoveStale(config, uids);
        Stamp(config, store.Settings().Revision);
        PublishAdminAnswers(config);
        return new PublishReport(uids.Count, removed);
    }

    /// <summary>
    /// Brings the answer book in step with the current generation (a sync that changed only its sync
    /// state still moves the book's expiry with the new generation) and removes what older versions
    /// published beside it: the snapshots of the unfiltered admin lists in <c>DATA/admin</c>, which
    /// the book replaced.
    /// </summary>
    public static void PublishAdminAnswers(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        AnswerBookPublisher.Publish(config);
        RemoveRetiredSnapshots(config);
    }

    /// <summary>The folder older versions published admin snapshots in; install, upgrade and every publish remove it.</summary>
    public static string RetiredSnapshotFolder(InstallConfig config) => Path.Combine(config.DataDir, "admin");

    private static void RemoveRetiredSnapshots(InstallConfig config)
    {
        // Only root ever wrote in it (0750 root:admin group), so nothing in it can be a planted link.
        var folder = RetiredSnapshotFolder(config);
        if (Directory.Exists(folder) && new DirectoryInfo(folder).LinkTarget is null)
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Removes every pre-rendered answer (the book and its patch, root's db_info and its patch, panel_info's, each uid's file of data and answers,
    /// and an older version's two files per uid): what a sync past its maximum age does beside
    /// withdrawing the files they were rendered from. Their stamps would already keep the book and
    /// panel_info's answer from answering; removing them leaves nothing of the stale data behind.
    /// </summary>
    public static void WithdrawPrerendered(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        File.Delete(AnswerFiles.Book(config));
        File.Delete(AnswerFiles.Patch(config));
        File.Delete(AnswerFiles.DbInfo(config));
        File.Delete(AnswerFiles.DbInfoPatch(config));
        File.Delete(AnswerFiles.PanelInfo(config));
        if (Directory.Exists(config.UsersDir))
        {
            string[] published = ["*" + InstallConfig.UserFileExtension, "*" + SealedAccounts.KeyExtension, "*" + SealedBucket.Extension];
            foreach (var pattern in AnswerFiles.RetiredUserPatterns.Concat(published))
            {
                foreach (var file in Directory.EnumerateFiles(config.UsersDir, pattern))
                    File.Delete(file);
            }
        }
    }

    public static void PublishPanelInfo(InstallConfig config, PanelReader store)
    {
        EnsureFolders(config);
        var settings = store.Settings();
        // Only the feature names CloudLinux knows (docs/contract.md section 3): its schema is strict.
        var features = store.Features()
            .Where(f => Grammar.ClFeatures.Contains(f.Key))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var info = new PanelInfo(settings.Name, settings.Version, settings.UserLoginUrl, features);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, CpapiJsonContext.Default.PanelInfo);
        WriteIfChanged(config.PanelInfoFile, bytes, PublicFileMode, RootOwner, RootOwner);
        // The answer itself, as the live script prints it from that file, stamped with the file's bytes.
        using (var context = new ScriptContext(config, new Caller(0, CallerRole.Root)))
        {
            var answer = CpapiRunner.Live("panel_info", context).ToArray();
            WriteIfChanged(AnswerFiles.PanelInfo(config), StampedAnswers.Build(bytes, [answer]), PublicFileMode, RootOwner, RootOwner);
        }

        Stamp(config, settings.Revision);
    }

    /// <summary>The file that records which store revision the published answers reflect.</summary>
    public static string RevisionFile(InstallConfig config) => Path.Combine(config.PublicDir, "revision");

    /// <summary>The store revision last published, or null when none was stamped or it cannot be read.</summary>
    public static long? PublishedRevision(InstallConfig config)
    {
        try
        {
            var text = File.ReadAllText(RevisionFile(config)).Trim();
            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Stamp(InstallConfig config, long revision) =>
        WriteIfChanged(RevisionFile(config), System.Text.Encoding.ASCII.GetBytes(revision.ToString(CultureInfo.InvariantCulture) + "\n"), PublicFileMode, RootOwner, RootOwner);

    private static void WriteIfChanged(string path, byte[] bytes, UnixFileMode mode, uint? owner, uint? group, AtomicFileBatch? batch = null, Action<string>? prepare = null)
    {
        if (Libc.Owner(path) is { } status && status.Mode == mode
            && (owner is null || status.Uid == owner) && (group is null || status.Gid == group)
            && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        if (batch is null)
            SecureFile.WriteAtomic(path, bytes, mode, owner, group);
        else if (prepare is null)
            batch.Write(path, bytes, mode, owner, group);
        else
            batch.Write(path, bytes, mode, owner, group, temp => prepare(temp));
    }

    /// <summary>
    /// Republishes the account answers of the given ids only: what one change affects. Each id's
    /// data, and the answers the small binary serves it rendered from that data, make one image
    /// (<see cref="AccountFile"/>), sealed into its bucket under its key (<see cref="SealedAccounts"/>),
    /// or written as a file of its own where the file system keeps no attributes for keys. What an
    /// older version published for the id is removed once the new form is in place.
    /// </summary>
    public static void PublishUsers(InstallConfig config, PanelReader store, IEnumerable<uint> uids) => PublishUsers(config, store, uids, keep: null);

    private static void PublishUsers(InstallConfig config, PanelReader store, IEnumerable<uint> uids, IReadOnlySet<uint>? keep)
    {
        EnsureFolders(config);
        // Buckets are read, edited and written back whole: one editor at a time.
        using var guard = FileLock.Acquire(SealedAccountWriter.LockPath(config), TimeSpan.FromMinutes(10));
        var features = FolderFeatures.Probe(config.UsersDir);
        var access = AsRoot ? AnswerFileAccess.For(features, PrivateGroupCache.PathOf(config)) : null;
        var sealing = features.UserAttributes;
        using var keyBatch = new AtomicFileBatch();
        using var batch = new AtomicFileBatch();
        var keys = new AccountKeys(config, access, keyBatch);
        var writer = new SealedAccountWriter(config);
        var done = new Dictionary<uint, AccountForm>();
        var distinct = uids.Distinct().ToList();
        // Publishing every account: bucket by bucket, each written as soon as its uids are sealed,
        // so memory holds one bucket's records rather than every account's.
        var byBucket = keep is not null && sealing;
        if (byBucket)
            distinct = [.. distinct.OrderBy(SealedBucket.Of).ThenBy(u => u)];
        using (var progress = TerminalProgress.Current.Start("account answers", distinct.Count))
        {
            for (var i = 0; i < distinct.Count; i++)
            {
                progress.Advance();
                done[distinct[i]] = Render(distinct[i]);
                if (byBucket && (i + 1 == distinct.Count || SealedBucket.Of(distinct[i + 1]) != SealedBucket.Of(distinct[i])))
                    writer.Flush(SealedBucket.Of(distinct[i]), keep!, batch, RootOwner);
            }
        }

        if (keep is not null)
            writer.KeepOnly(keep);
        // A bucket that did not hold together is rewritten from this publish alone: its other uids are sealed again.
        if (writer.Damaged.Count > 0)
        {
            foreach (var uid in store.Uids().Where(u => writer.Damaged.Contains(SealedBucket.Of(u)) && !done.ContainsKey(u)))
                done[uid] = Render(uid);
        }

        // A new key is in place before the record sealed with it, and a record leaves before its key.
        keyBatch.Commit();
        writer.Write(batch, RootOwner);
        batch.Commit();
        foreach (var (uid, form) in done)
        {
            if (form != AccountForm.Sealed)
                File.Delete(SealedAccounts.KeyFile(config, uid));
            if (form != AccountForm.OwnFile)
                File.Delete(config.UserFile(uid));
            File.Delete(AnswerFiles.RetiredUserData(config, uid));
            File.Delete(AnswerFiles.RetiredUserAnswers(config, uid));
        }

        Stamp(config, store.Settings().Revision);

        AccountForm Render(uint uid)
        {
            var names = store.UsernamesOf(uid);
            if (names.Count == 0)
            {
                writer.Remove(uid);
                return AccountForm.None;
            }

            var domains = new Dictionary<string, DomainInfoWithPhp>(StringComparer.Ordinal);
            foreach (var (name, info) in store.Domains(owners: names))
                domains[name] = info;
            var answers = new UserAnswers(names, domains);
            // The data, and what the small binary prints for this caller's domains, in one image.
            var image = AccountFile.Build(answers.ToUtf8(), CpapiRunner.EndUserDomains(answers, withPhp: false), CpapiRunner.EndUserDomains(answers, withPhp: true));
            if (sealing)
            {
                writer.Put(uid, keys.Ensure(uid), image);
                return AccountForm.Sealed;
            }

            writer.Remove(uid);
            var path = config.UserFile(uid);
            if (access is null)
            {
                WriteIfChanged(path, image, UserFileMode, null, null, batch);
                return AccountForm.OwnFile;
            }

            var (owner, group, mode, acl) = access.Of(uid);
            WriteIfChanged(path, image, mode, owner, group, batch, acl ? temp => GrantRead(temp, uid) : null);
            return AccountForm.OwnFile;
        }
    }

    private enum AccountForm
    {
        None,
        Sealed,
        OwnFile,
    }

    /// <summary>
    /// Removes what belongs to ids that no longer have an account (their keys and files; their
    /// records left the buckets in <see cref="PublishUsers(InstallConfig, PanelReader, IEnumerable{uint}, IReadOnlySet{uint})"/>),
    /// what a killed publish left, and every file of an older version's two-file layout; returns how
    /// many ids lost their key or file.
    /// </summary>
    private static int RemoveStale(InstallConfig config, IReadOnlyList<uint> uids)
    {
        var keep = uids.ToHashSet();
        var removed = 0;
        // Temporary files of a publish that was killed before it could rename them.
        foreach (var file in Directory.EnumerateFiles(config.UsersDir, ".*.tmp"))
            File.Delete(file);
        foreach (var pattern in AnswerFiles.RetiredUserPatterns)
        {
            foreach (var file in Directory.EnumerateFiles(config.UsersDir, pattern))
                File.Delete(file);
        }

        foreach (var extension in new[] { InstallConfig.UserFileExtension, SealedAccounts.KeyExtension })
        {
            foreach (var file in Directory.EnumerateFiles(config.UsersDir, "*" + extension))
            {
                var stem = Path.GetFileNameWithoutExtension(file);
                if (uint.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && keep.Contains(uid))
                    continue;
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Whether an older version's two-file layout is still published beside (or instead of) the one file per uid.</summary>
    public static bool HasRetiredUserFiles(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Directory.Exists(config.UsersDir) && AnswerFiles.RetiredUserPatterns.Any(p => Directory.EnumerateFiles(config.UsersDir, p).Any());
    }

    private static void GrantRead(string temp, uint uid)
    {
        if (!Libc.GrantUserRead(temp, uid))
            throw new IOException($"{temp}: the file system stopped accepting ACLs");
    }

    private static bool AsRoot => Libc.GetEuid() == 0;

    private static uint? RootOwner => AsRoot ? 0u : null;

    private static void EnsureFolders(InstallConfig config)
    {
        foreach (var (folder, mode) in (ReadOnlySpan<(string, UnixFileMode)>)[(config.DataDir, PublicDirMode), (config.PublicDir, PublicDirMode), (config.UsersDir, UsersDirMode)])
        {
            Directory.CreateDirectory(folder);
            // Root sets its mode and writes answers into it: only a folder no other account can change,
            // nor put a link of its own in the place of (docs/security.md, "Paths root trusts").
            if (AsRoot)
                Core.Paths.TrustedPath.Require(folder, "the answers folder");
            File.SetUnixFileMode(folder, mode);
        }
    }
}

public sealed record PublishReport(int Users, int Removed);
