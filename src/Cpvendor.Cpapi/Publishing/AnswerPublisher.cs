using System.Globalization;
using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Store;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Keeps the files unprivileged callers read in step with the store: the public panel_info answer
/// (0644) and one file per UNIX id (owner that uid, 0400) in a folder that only root can list
/// (0711). Run as root after every change; see docs/security.md.
/// </summary>
public static class AnswerPublisher
{
    private const UnixFileMode PublicDirMode = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode UsersDirMode = (UnixFileMode)0b111_001_001; // 0711
    private const UnixFileMode PublicFileMode = (UnixFileMode)0b110_100_100; // 0644
    private const UnixFileMode UserFileMode = UnixFileMode.UserRead; // 0400

    /// <summary>Republishes everything and removes files of ids that no longer have an account.</summary>
    public static PublishReport PublishAll(InstallConfig config)
    {
        using var store = PanelReader.Open(config.Store);
        PublishPanelInfo(config, store);
        var uids = store.Uids();
        PublishUsers(config, store, uids);
        var removed = RemoveStale(config, uids);
        return new PublishReport(uids.Count, removed);
    }

    public static void PublishPanelInfo(InstallConfig config, PanelReader store)
    {
        EnsureFolders(config);
        var settings = store.Settings();
        // Only the feature names CloudLinux knows (CONTRACT.md section 3): its schema is strict.
        var features = store.Features()
            .Where(f => Grammar.ClFeatures.Contains(f.Key))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var info = new PanelInfo(settings.Name, settings.Version, settings.UserLoginUrl, features);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(info, CpapiJsonContext.Default.PanelInfo);
        SecureFile.WriteAtomic(config.PanelInfoFile, bytes, PublicFileMode, RootOwner, RootOwner);
    }

    /// <summary>Rewrites the files of the given ids only: what one change affects.</summary>
    public static void PublishUsers(InstallConfig config, PanelReader store, IEnumerable<uint> uids)
    {
        EnsureFolders(config);
        foreach (var uid in uids.Distinct())
        {
            var names = store.UsernamesOf(uid);
            var path = config.UserFile(uid);
            if (names.Count == 0)
            {
                File.Delete(path);
                continue;
            }

            var domains = new Dictionary<string, DomainInfoWithPhp>(StringComparer.Ordinal);
            foreach (var (name, info) in store.Domains(owners: names))
                domains[name] = info;
            var answers = new UserAnswers(names, domains);
            SecureFile.WriteAtomic(path, answers.ToUtf8(), UserFileMode, AsRoot ? uid : null, AsRoot ? 0u : null);
        }
    }

    private static int RemoveStale(InstallConfig config, IReadOnlyList<uint> uids)
    {
        var keep = uids.ToHashSet();
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(config.UsersDir, "*.json"))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            if (uint.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var uid) && keep.Contains(uid))
                continue;
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    private static bool AsRoot => Libc.GetEuid() == 0;

    private static uint? RootOwner => AsRoot ? 0u : null;

    private static void EnsureFolders(InstallConfig config)
    {
        Directory.CreateDirectory(config.DataDir);
        File.SetUnixFileMode(config.DataDir, PublicDirMode);
        Directory.CreateDirectory(config.PublicDir);
        File.SetUnixFileMode(config.PublicDir, PublicDirMode);
        Directory.CreateDirectory(config.UsersDir);
        File.SetUnixFileMode(config.UsersDir, UsersDirMode);
    }
}

public sealed record PublishReport(int Users, int Removed);
