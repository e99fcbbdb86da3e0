using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 6: the store and the db_info secret sit in folders only root can change,
/// and neither is a symbolic link. A user who can write the store's folder can swap the store or
/// the secret for a link, and root (install, every lifecycle command) would then write, chown or
/// read whatever the link names; install refuses such a store, and this check says why.
/// </summary>
internal sealed class StoreAndSecretAreInFoldersOnlyRootCanChange : Check
{
    public override string Name => "The store and its secret are in folders only root can change";

    public override string Section => "6";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        var problems = 0;
        foreach (var (what, path) in new[] { ("the store", config.Store), ("the db_info secret", config.DbSecret) })
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
            if (TrustedPath.Problem(folder) is { } problem)
            {
                problems++;
                yield return Error($"{what} is in a folder a user other than root can change", problem, $"move it to a folder of root's (such as /var/lib/cpvendor, 0755 root) or chown root and chmod go-w {folder} and every folder above it");
            }
            else if (Libc.LinkStatus(path) is { } status && (status.Mode & Libc.TypeMask) == Libc.TypeSymlink)
            {
                problems++;
                yield return Error($"{what} is a symbolic link", path, "put the file itself in place of the link");
            }
        }

        if (problems == 0)
            yield return Ok("only root can change the store's and the secret's folders", Path.GetDirectoryName(config.Store));
    }
}
