namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md sections 1 and 7: panel_info and domains run inside CageFS, so the ini, the
/// programs its lines name and the install's settings must lie under a folder CageFS mounts
/// (<c>cagefs.mp</c>) or be copied into the skeleton (<c>conf.d</c>).
/// </summary>
internal sealed class ScriptsAreVisibleInsideCageFS : Check
{
    private static readonly string[] CagedScripts = ["panel_info", "domains"];

    public override string Name => "Scripts are visible inside CageFS";

    public override string Section => "1, 7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (cage, problem) = CageFsView.Of(host);
        if (cage is null)
        {
            yield return problem is null
                ? Info("CageFS is not installed (no /etc/cagefs/cagefs.mp): nothing is caged")
                : Unknown("cagefs.mp cannot be read", problem, "run the doctor as root");
            yield break;
        }

        var paths = new List<string> { host.HostPath(host.IniPath) };
        paths.AddRange(ScriptLine.Of(host).Where(l => CagedScripts.Contains(l.Script)).Select(l => l.HostPath(host)));
        var hidden = paths.Distinct().Where(p => !cage.Visible(p)).ToList();
        if (hidden.Count > 0)
        {
            yield return Error("a caged user cannot see what panel_info and domains need", Sample(hidden),
                "move the scripts under /opt/cpvendor (mounted by default) or add their folder to /etc/cagefs/cagefs.mp, then 'cagefsctl --remount-all'");
        }
        else
        {
            yield return Ok("integration.ini and the user-facing scripts are under mounted folders", Sample(paths));
        }
    }
}
