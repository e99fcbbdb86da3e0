namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: the UNIX users of the panel's administrators belong to the
/// <c>clsudoers</c> group (the admin create hook puts them there), which LVE Manager requires.
/// </summary>
internal sealed class AdminsAreInClsudoers : Check
{
    public override string Name => "Admins are in clsudoers";

    public override string Section => "5, 7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (admins, problem) = host.Store(reader => reader.Admins().Where(a => a.UnixUser is not null).Select(a => (a.Name, User: a.UnixUser!)).ToList());
        if (admins is null)
        {
            yield return Unknown("the panel's administrators cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (admins.Count == 0)
        {
            yield return Info("no administrator has a UNIX account");
            yield break;
        }

        var groupFile = host.Read("/etc/group");
        if (groupFile.Text is null)
        {
            yield return Unknown("/etc/group cannot be read", groupFile.Problem, "run the doctor as root");
            yield break;
        }

        if (!host.Accounts.Groups.ContainsKey("clsudoers"))
        {
            yield return Warning("there is no clsudoers group: LVE Manager is not installed, or no admin was ever announced", groupFile.Path, "install lvemanager, then 'cpvendor install' runs the admin create hook");
            yield break;
        }

        var missing = admins.Where(a => a.User != "root" && !host.Accounts.IsMember(a.User, "clsudoers")).Select(a => $"{a.Name} ({a.User})").ToList();
        yield return missing.Count > 0
            ? Warning("administrators are missing from clsudoers", Sample(missing), "run /usr/share/cloudlinux/hooks/post_modify_admin.py create --name ADMIN for each ('cpvendor install' does it)")
            : Ok($"all {admins.Count} administrators with a UNIX account are in clsudoers");
    }
}
