using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 6: the db_info secret and the live store are 0600 root (administrators read
/// the published read model, so none can hold a lock on the store); each published per-user file is
/// written by root and readable by its uid alone, in a folder other users cannot list (0711); a file
/// its user owns (neither user private groups nor ACLs available) is reported, because the user can
/// rewrite what root and the CloudLinux tools read.
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
        else if (store.Uid != 0 || (store.Mode & GroupOrOther) != 0)
        {
            // Anyone who can open the live store can hold a lock on it and stall root's writes.
            problems++;
            yield return Error("the live store can be opened by others than root", $"{config.Store} {Format.ModeText(store.Mode)} {store.Uid}:{store.Gid}", $"chown root:root {config.Store} && chmod 0600 {config.Store}");
        }

        if (Libc.Owner(config.UsersDir) is { } dir && (dir.Mode & FileModes.GroupOrOtherRead) != 0)
        {
            problems++;
            yield return Error("other users can list the per-user answer folder", $"{config.UsersDir} {Format.ModeText(dir.Mode)}", $"chmod 0711 {config.UsersDir}");
        }

        var exposed = new List<string>();
        var rewritable = new List<string>();
        if (Directory.Exists(config.UsersDir))
        {
            // Each uid's key or file, and an older version's two files of a uid not republished since;
            // the buckets of sealed answers are public by design (docs/security.md).
            foreach (var file in Directory.EnumerateFiles(config.UsersDir))
            {
                if (file.EndsWith(SealedBucket.Extension, StringComparison.Ordinal) || !uint.TryParse(Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || Libc.Owner(file) is not { } status)
                    continue;
                var evidence = $"{Path.GetFileName(file)} {Format.ModeText(status.Mode)} {status.Uid}:{status.Gid}";
                if ((status.Mode & Other) != 0 || (status.Uid != 0 && status.Uid != uid) || (status.Uid == uid && (status.Mode & GroupOrOther) != 0))
                    exposed.Add(evidence);
                else if (status.Uid == uid && uid != 0)
                    rewritable.Add(evidence);
            }
        }

        if (exposed.Count > 0)
        {
            problems++;
            yield return Error("per-user answers are readable by someone other than their user", Sample(exposed), "cpvendor publish (rewrites them 0400, owned by their uid)");
        }

        if (rewritable.Count > 0)
        {
            // Root in privileged mode and the tools running for that user would read what the user wrote.
            problems++;
            yield return Error("end users own their answer files and can rewrite them: the host has neither user private groups nor ACLs on this file system", Sample(rewritable), $"give each account a private group, or mount the file system of {config.UsersDir} with ACL support, then cpvendor publish");
        }

        if (problems == 0)
            yield return Ok("the secret and the live store are 0600 root, per-user answers readable by their owner only");
    }
}
