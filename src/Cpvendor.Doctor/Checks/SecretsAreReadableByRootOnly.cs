using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 6: the db_info secret is 0600 root; the store is readable by root and the
/// admin group only; each published per-user file is 0400 and owned by its uid, in a folder other
/// users cannot list (0711).
/// </summary>
internal sealed class SecretsAreReadableByRootOnly : Check
{
    private const UnixFileMode GroupOrOther = FileModes.AnyGroupOrOther;
    private const UnixFileMode Other = FileModes.AnyOther;

    public override string Name => "Secrets and per-user data are readable only by who may read them";

    public override string Section => "6";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        var problems = 0;
        if (Libc.Owner(config.DbSecret) is { } secret && (secret.Uid != 0 || (secret.Mode & GroupOrOther) != 0))
        {
            problems++;
            yield return Error("the db_info secret is readable by others than root", $"{config.DbSecret} {Format.ModeText(secret.Mode)} {secret.Uid}:{secret.Gid}", $"chown root:root {config.DbSecret} && chmod 0600 {config.DbSecret}");
        }

        if (Libc.Owner(config.Store) is not { } store)
        {
            problems++;
            yield return Unknown("the store does not exist or cannot be examined", config.Store, "check the store path in cpvendor.conf");
        }
        else if (store.Uid != 0 || (store.Mode & Other) != 0 || (config.AdminGid is { } gid && store.Gid != gid))
        {
            problems++;
            yield return Error("the store is readable beyond root and the admin group", $"{config.Store} {Format.ModeText(store.Mode)} {store.Uid}:{store.Gid}", $"chown root:{config.AdminGroup} {config.Store} && chmod 0640 {config.Store}");
        }

        if (Libc.Owner(config.UsersDir) is { } dir && (dir.Mode & FileModes.GroupOrOtherRead) != 0)
        {
            problems++;
            yield return Error("other users can list the per-user answer folder", $"{config.UsersDir} {Format.ModeText(dir.Mode)}", $"chmod 0711 {config.UsersDir}");
        }

        var exposed = new List<string>();
        if (Directory.Exists(config.UsersDir))
        {
            foreach (var file in Directory.EnumerateFiles(config.UsersDir, "*.json"))
            {
                if (!uint.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || Libc.Owner(file) is not { } status)
                    continue;
                if (status.Uid != uid || (status.Mode & GroupOrOther) != 0)
                    exposed.Add($"{Path.GetFileName(file)} {Format.ModeText(status.Mode)} {status.Uid}:{status.Gid}");
            }
        }

        if (exposed.Count > 0)
        {
            problems++;
            yield return Error("per-user answers are readable by someone other than their user", Sample(exposed), "cpvendor publish (rewrites them 0400, owned by their uid)");
        }

        if (problems == 0)
            yield return Ok("the secret is 0600 root, the store 0640 root:admins, per-user answers 0400 by their owner");
    }
}
