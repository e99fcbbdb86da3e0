namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "Setting up directories for PHP sessions": every
/// per-user mount the install was asked for (<c>--cagefs-personal-mount</c>, recorded in its
/// manifest) is an <c>@PATH,700</c> line of <c>/etc/cagefs/cagefs.mp</c>, and the folder exists.
/// </summary>
internal sealed class PerUserMountsAreInCageFsMp : Check
{
    public override string Name => "Per-user mounts are in cagefs.mp";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (recorded, manifestProblem) = Recorded(host);
        if (manifestProblem is not null)
        {
            yield return Unknown("the install manifest cannot be read", manifestProblem, "run the doctor as root on an installed host");
            yield break;
        }

        var mounts = recorded?.PersonalMounts ?? [];
        if (recorded is null)
        {
            yield return Unknown("the install recorded no options (an install by an older release?)", Core.InstallLayout.Under(host.Root, "opt/cpvendor/etc/install-manifest.json"), "rerun cpvendor install with the options the host was set up with");
            yield break;
        }

        if (mounts.Count == 0)
        {
            yield return Info("the install was asked for no per-user mounts");
            yield break;
        }

        var mp = host.Read("/etc/cagefs/cagefs.mp");
        if (mp.Text is null)
        {
            yield return mp.Missing
                ? Info($"CageFS is not installed; cpvendor install adds {Sample(mounts)} once it is", mp.Path)
                : Unknown("cagefs.mp cannot be read", mp.Problem, "run the doctor as root");
            yield break;
        }

        var lines = mp.Text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('@')).ToList();
        var problems = new List<string>();
        foreach (var mount in mounts)
        {
            var line = lines.FirstOrDefault(l => l[1..].Split(',')[0].TrimEnd('/') == mount.TrimEnd('/'));
            if (line is null)
                problems.Add($"no @{mount},700 line");
            else if (line != "@" + mount + ",700")
                problems.Add($"'{line}' instead of @{mount},700");
            else if (!Directory.Exists(host.Under(mount)))
                problems.Add($"{mount} does not exist on the host");
        }

        yield return problems.Count == 0
            ? Ok($"every per-user mount is in cagefs.mp ({Sample(mounts)})", mp.Path)
            : Warning("a per-user mount is missing or wrong: caged users share or lose those files", $"{mp.Path}: {Sample(problems)}", "cpvendor install (it adds the lines), create the folders, then cagefsctl --remount-all");
    }

    private static (Cpvendor.Host.Choices.InstallChoices? Recorded, string? Problem) Recorded(HostView host)
    {
        try
        {
            return (Cpvendor.Host.Installer.RecordedOptions(host.Root), null);
        }
        catch (Exception e) when (e is Core.CpvendorException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }
}
