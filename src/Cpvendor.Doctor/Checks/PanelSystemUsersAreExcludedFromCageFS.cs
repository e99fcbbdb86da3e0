namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: the panel's own system users (configured with
/// <c>cpvendor install --system-user</c>) are listed in a file of <c>/etc/cagefs/exclude/</c>; a caged
/// panel service cannot reach the files it manages.
/// </summary>
internal sealed class PanelSystemUsersAreExcludedFromCageFS : Check
{
    public override string Name => "Panel system users are excluded from CageFS";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        if (config.SystemUsers.Count == 0)
        {
            yield return Info("no panel system user is configured (cpvendor install --system-user NAME)");
            yield break;
        }

        var (cage, problem) = CageFsView.Of(host);
        if (cage is null)
        {
            yield return problem is null ? Info("CageFS is not installed: nothing is caged") : Unknown("cagefs.mp cannot be read", problem, "run the doctor as root");
            yield break;
        }

        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var dir = host.Under("/etc/cagefs/exclude");
        if (Directory.Exists(dir))
        {
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                foreach (var line in File.ReadLines(file))
                {
                    var name = line.Trim();
                    if (name.Length > 0 && name[0] != '#')
                        excluded.Add(name);
                }
            }
        }

        var (min, _) = host.CageFsMinUid();
        var missing = config.SystemUsers.Where(u => !excluded.Contains(u)).ToList();
        var caged = missing.Where(u => !host.Accounts.Users.TryGetValue(u, out var a) || min is null || a.Uid >= min).ToList();
        if (caged.Count > 0)
            yield return Error("panel system users would be caged", Sample(caged), $"list them in {host.Under("/etc/cagefs/exclude/cpvendor")} ('cpvendor install --system-user NAME') and run 'cagefsctl --force-update'");
        else if (missing.Count > 0)
            yield return Info("system users below the CageFS minimum uid are not listed (they are not caged anyway)", Sample(missing));
        else
            yield return Ok("every panel system user is excluded", Sample(config.SystemUsers));
    }
}
