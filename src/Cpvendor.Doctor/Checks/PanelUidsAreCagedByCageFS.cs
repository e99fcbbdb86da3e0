using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: CageFS cages only uids at or above its MIN_UID
/// (<c>cagefsctl --get-min-uid</c>, by default UID_MIN of login.defs); a panel account below it
/// runs uncaged and sees the whole server.
/// </summary>
internal sealed class PanelUidsAreCagedByCageFS : Check
{
    public override string Name => "Panel uids are at or above the CageFS minimum uid";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (cage, problem) = CageFsView.Of(host);
        if (cage is null && problem is null)
        {
            yield return Info("CageFS is not installed: no account is caged");
            yield break;
        }

        var (min, evidence) = host.CageFsMinUid();
        if (min is null)
        {
            yield return Unknown("the CageFS minimum uid cannot be found", evidence, "check /etc/login.defs (UID_MIN) or run 'cagefsctl --get-min-uid'");
            yield break;
        }

        var (users, storeProblem) = host.Store(reader => reader.Users(new UserFilter()).ToList());
        if (users is null)
        {
            yield return Unknown("the panel's accounts cannot be read", storeProblem, "run the doctor as root on an installed host");
            yield break;
        }

        var low = users.Where(u => u.Id < min).Select(u => $"{u.Username} ({u.Id})").ToList();
        yield return low.Count > 0
            ? Warning($"{low.Count} panel account(s) have a uid below {min} and are not caged", $"{Sample(low)}; {evidence}", "create panel accounts from UID_MIN upwards, or lower CageFS's minimum uid")
            : Ok($"all {users.Count} panel accounts are at or above uid {min}", evidence);
    }
}
