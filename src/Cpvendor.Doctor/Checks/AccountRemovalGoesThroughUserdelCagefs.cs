namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "Removing user accounts": with CageFS installed,
/// <c>/etc/login.defs</c> names CageFS's userdel hook (<c>USERDEL_CMD /usr/bin/userdel.cagefs</c>),
/// so that removing an account also removes what CageFS keeps for it.
/// </summary>
internal sealed class AccountRemovalGoesThroughUserdelCagefs : Check
{
    private const string Hook = "/usr/bin/userdel.cagefs";

    public override string Name => "Account removal goes through userdel.cagefs";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (cage, cageProblem) = Host.CageFsView.Of(host);
        if (cage is null)
        {
            yield return cageProblem is null
                ? Info("CageFS is not installed: there is no userdel hook to name")
                : Unknown("cagefs.mp cannot be read", cageProblem, "run the doctor as root");
            yield break;
        }

        var defs = host.Read("/etc/login.defs");
        if (defs.Text is null)
        {
            yield return Unknown("login.defs cannot be read", defs.Problem, "run the doctor as root");
            yield break;
        }

        var values = defs.Text.Split('\n')
            .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && f[0] == "USERDEL_CMD")
            .Select(f => f[1])
            .ToList();
        var evidence = values.Count == 0 ? $"no USERDEL_CMD in {defs.Path}" : $"USERDEL_CMD {values[^1]} in {defs.Path}";
        if (values.Count > 0 && values[^1] == Hook)
        {
            yield return File.Exists(host.Under(Hook))
                ? Ok("userdel runs CageFS's hook", evidence)
                : Warning($"login.defs names {Hook}, which is missing", evidence, "reinstall the cagefs package");
            yield break;
        }

        yield return Error("userdel does not run CageFS's hook: a removed account leaves its cage behind", evidence, $"set 'USERDEL_CMD {Hook}' in /etc/login.defs (the cagefs package does it on install)");
    }
}
