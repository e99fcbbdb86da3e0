using Cpvendor.Core;
using Cpvendor.Store;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: when the panel lets accounts share a uid, CageFS must be told with the
/// empty file <c>/etc/cagefs/enable.duplicate.uids</c>; otherwise it refuses to cage them.
/// </summary>
internal sealed class SharedUidsAreAllowedByCageFS : Check
{
    public override string Name => "Shared uids are allowed by CageFS";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (facts, problem) = host.Store(reader => new Facts(
            reader.Settings().AllowDuplicateUids,
            reader.Users(new UserFilter()).GroupBy(u => u.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join("/", g.Select(u => u.Username))}").ToList()));
        if (facts is null)
        {
            yield return Unknown("the panel's accounts cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        if (!facts.Allowed && facts.Shared.Count == 0)
        {
            yield return Ok("no account shares a uid and the panel does not allow it");
            yield break;
        }

        var evidence = facts.Shared.Count > 0 ? $"shared uids: {Sample(facts.Shared)}" : "the panel allows duplicate uids (panel.allow_duplicate_uids)";
        var (cage, cageProblem) = CageFsView.Of(host);
        if (cage is null)
        {
            yield return cageProblem is null ? Info("accounts may share uids; CageFS is not installed", evidence) : Unknown("cagefs.mp cannot be read", cageProblem, "run the doctor as root");
            yield break;
        }

        var marker = host.Under("/etc/cagefs/enable.duplicate.uids");
        yield return File.Exists(marker)
            ? Ok("accounts may share uids and CageFS allows it", evidence)
            : Error("accounts share uids but CageFS is not told", evidence, $"touch {marker} && cagefsctl --force-update (or 'cpvendor install')");
    }

    private sealed record Facts(bool Allowed, List<string> Shared);
}
