using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Store;

namespace Cpvendor.Host;

/// <summary>
/// Installs cpvendor into a root: the binary, its configuration, integration.ini, the admin group and
/// store permissions, then publishes the answers unprivileged callers read. Every path lands under
/// the root, so a whole host can be laid out in a throw-away folder.
/// </summary>
public sealed class Installer
{
    private const UnixFileMode DirMode = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode PublicFile = (UnixFileMode)0b110_100_100; // 0644
    private const UnixFileMode ExecutableFile = (UnixFileMode)0b111_101_101; // 0755
    private const UnixFileMode StoreFile = (UnixFileMode)0b110_100_000; // 0640
    private const UnixFileMode SecretFile = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600

    private readonly TextWriter log;

    public Installer(TextWriter log) => this.log = log;

    public InstallConfig Install(InstallOptions options)
    {
        var root = Path.GetFullPath(options.Root);
        var store = Path.GetFullPath(options.Store);
        if (!File.Exists(store))
            throw CpvendorException.Invalid($"no panel store at {store}: create one with 'cpvendor init --store {store}'");

        var asRoot = Libc.GetEuid() == 0;
        foreach (var dir in new[] { InstallLayout.BinDir, InstallLayout.EtcDir, "opt/cpvendor/var", "opt/cpvendor/lvemanager" })
            EnsureDirectory(InstallLayout.Under(root, dir));

        var binary = InstallLayout.BinaryUnder(root);
        CopyBinary(options.Binary ?? Environment.ProcessPath ?? throw CpvendorException.Invalid("cannot find the running binary"), binary);

        var gid = EnsureAdminGroup(options.AdminGroup, asRoot);
        var config = InstallConfig.ForRoot(root, store, options.AdminGroup) with
        {
            AdminGid = gid,
            HookTimeoutSeconds = options.HookTimeoutSeconds,
            AdminHookFlag = options.AdminHookFlag,
            AllowDuplicateUids = options.AllowDuplicateUids,
        };
        SecureFile.WriteAtomic(InstallLayout.ConfigFileUnder(root), System.Text.Encoding.UTF8.GetBytes(config.Render()), PublicFile, RootId(asRoot), RootId(asRoot));
        log.WriteLine($"wrote {InstallLayout.ConfigFileUnder(root)}");

        var ini = new IntegrationIni(binary, InstallLayout.Under(root, "opt/cpvendor/lvemanager"));
        SecureFile.WriteAtomic(InstallLayout.IntegrationIniUnder(root), System.Text.Encoding.UTF8.GetBytes(ini.Render()), PublicFile, RootId(asRoot), RootId(asRoot));
        log.WriteLine($"wrote {InstallLayout.IntegrationIniUnder(root)}");

        // Brings an older store to this binary's schema before anything reads it.
        PanelStore.OpenForWrite(store).Dispose();
        SecureStore(config, asRoot);
        PrepareLifecycle(config);
        var report = AnswerPublisher.PublishAll(config);
        log.WriteLine($"published panel_info and {report.Users} per-user answer files under {config.DataDir}");
        return config;
    }

    private static void EnsureDirectory(string path)
    {
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, DirMode);
    }

    private void CopyBinary(string source, string target)
    {
        var same = File.Exists(target) && Path.GetFullPath(source) == Path.GetFullPath(target);
        if (!same)
        {
            var temp = target + ".new";
            File.Copy(source, temp, overwrite: true);
            File.SetUnixFileMode(temp, ExecutableFile);
            File.Move(temp, target, overwrite: true);
        }

        log.WriteLine($"installed {target}");
    }

    /// <summary>The admin group exists (created as a system group when running as root); its gid, or null.</summary>
    private uint? EnsureAdminGroup(string name, bool asRoot)
    {
        if (Libc.GroupId(name) is { } gid)
            return gid;
        if (!asRoot)
        {
            log.WriteLine($"warning: group '{name}' does not exist and only root can create it; administrators will be treated as end users");
            return null;
        }

        ProcessRunner.RunChecked("groupadd", ["--system", name]);
        log.WriteLine($"created system group '{name}'");
        return Libc.GroupId(name);
    }

    /// <summary>The store is readable by root and the admin group only; the db_info secret by root only.</summary>
    private void SecureStore(InstallConfig config, bool asRoot)
    {
        File.SetUnixFileMode(config.Store, StoreFile);
        if (asRoot)
            Libc.Chown(config.Store, 0, config.AdminGid ?? 0);
        if (File.Exists(config.DbSecret))
        {
            File.SetUnixFileMode(config.DbSecret, SecretFile);
            if (asRoot)
                Libc.Chown(config.DbSecret, 0, 0);
        }

        log.WriteLine($"secured {config.Store} (0640 root:{config.AdminGroup}) and its secret (0600 root)");
    }

    /// <summary>Root-only folders for ui tokens and the hook log; the CageFS flag for shared uids (CONTRACT.md 7).</summary>
    private void PrepareLifecycle(InstallConfig config)
    {
        foreach (var dir in new[] { config.UiTokenDir, Path.GetDirectoryName(config.HookLog)! })
        {
            Directory.CreateDirectory(dir);
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (config.AllowDuplicateUids)
        {
            var flag = InstallLayout.Under(config.Root, "etc/cagefs/enable.duplicate.uids");
            Directory.CreateDirectory(Path.GetDirectoryName(flag)!);
            SecureFile.WriteAtomic(flag, [], PublicFile);
            log.WriteLine($"wrote {flag}: accounts may share a UNIX id");
        }
    }

    private static uint? RootId(bool asRoot) => asRoot ? 0u : null;
}
