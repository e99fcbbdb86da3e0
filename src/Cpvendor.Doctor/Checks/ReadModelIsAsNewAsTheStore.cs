using Cpvendor.Store.ReadModel;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md sections 2 and 6: every administrator's cpapi call is answered from the current
/// read-model generation, never from the live store. A generation that is missing, damaged, or older
/// than the store (a publish that failed, a crash between commit and publish) means callers see old
/// data; <c>cpvendor publish</c> rebuilds it.
/// </summary>
internal sealed class ReadModelIsAsNewAsTheStore : Check
{
    public override string Name => "The read model is as new as the store";

    public override string Section => "2, 6";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        var path = ReadModelFiles.Current(config);
        var status = ReadModelStatus.Of(config);
        if (status.StoreState is null)
            yield return Unknown("the store's revision cannot be read", status.Problem ?? config.Store, "run the doctor as root");
        else if (!File.Exists(path))
            yield return Error("there is no read model: administrators' cpapi calls answer InternalAPIError", path, "cpvendor publish");
        else if (!status.Intact)
            yield return Error("the read model is damaged", status.Problem ?? path, "cpvendor publish");
        else if (!status.Current)
            yield return Warning($"the read model is older than the store (revision and last sync {status.GenerationState}, the store at {status.StoreState}): callers see old data", path, "cpvendor publish");
        else
            yield return Ok($"the read model holds every committed change (revision and last sync {status.StoreState})", path);
    }
}
