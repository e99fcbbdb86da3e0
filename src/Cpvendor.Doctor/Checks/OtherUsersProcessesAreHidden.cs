namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: <c>fs.proc_can_see_other_uid = 0</c> hides other users' processes;
/// <c>fs.proc_super_gid</c> names the group that still sees them all (the panel's administrators).
/// </summary>
internal sealed class OtherUsersProcessesAreHidden : Check
{
    public override string Name => "Other users' processes are hidden";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var see = SysctlValue.Read(host, "fs.proc_can_see_other_uid");
        var super = SysctlValue.Read(host, "fs.proc_super_gid");
        if (see.Running is null)
        {
            yield return Unknown("fs.proc_can_see_other_uid cannot be read (not a CloudLinux kernel?)", see.Evidence, "run the doctor on the CloudLinux host itself");
            yield break;
        }

        if (see.Running != "0")
        {
            yield return Warning("every user can see every other user's processes", see.Evidence, "sysctl -w fs.proc_can_see_other_uid=0 and persist it in /etc/sysctl.d/");
            yield break;
        }

        if (see.Drifts)
            yield return Warning("the setting is lost at the next boot", see.Evidence, "make /etc/sysctl.d/ agree with the running value");

        var adminGid = host.Config.Config?.AdminGid;
        if (super.Running is null)
            yield return Unknown("fs.proc_super_gid cannot be read", super.Evidence, "run the doctor on the CloudLinux host itself");
        else if (super.Running == "0")
            yield return Info("only root sees every process; the admin group could be given fs.proc_super_gid", super.Evidence);
        else if (adminGid is { } gid && super.Running != Format.Id(gid))
            yield return Info($"fs.proc_super_gid is not the admin group's gid {gid}", super.Evidence);
        else
            yield return Ok("other users' processes are hidden", $"{see.Evidence}; {super.Evidence}");
    }
}
