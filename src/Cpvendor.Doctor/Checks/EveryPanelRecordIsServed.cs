using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 3: every account the panel has is one the scripts answer for. A file-based
/// source (Virtualmin) lists beside the store the records it read but could not map on this host
/// (a server whose UNIX user does not exist here, a reseller or plan that is not there); each is a
/// customer CloudLinux does not know of, so each is reported, never passed over.
/// </summary>
internal sealed class EveryPanelRecordIsServed : Check
{
    public override string Name => "Every panel record is served";

    public override string Section => "3";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (config, problem) = host.Config;
        if (config is null)
        {
            yield return Unknown("the install's settings cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        var records = UnmappedRecords.Read(config.Store);
        if (records.Count == 0)
        {
            yield return Ok("no panel record was left out by the last read of the source", UnmappedRecords.PathOf(config.Store));
            yield break;
        }

        foreach (var record in records)
            yield return Warning("a panel record is not served on this host", record, "create the missing UNIX user, reseller or plan in the panel (or fix the record), then run 'cpvendor sync'");
    }
}
