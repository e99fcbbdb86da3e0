using Cpvendor.Cpapi.Publishing;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md sections 3 and 6: end users and panel_info are answered from published files; these
/// must reflect the store's current revision (the stamp the publisher writes), or callers see old data.
/// </summary>
internal sealed class PublishedAnswersMatchTheStore : Check
{
    public override string Name => "Published answers match the store";

    public override string Section => "3, 6";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        var (settings, problem) = host.Store(reader => reader.Settings());
        if (settings is null)
        {
            yield return Unknown("the store's revision cannot be read", problem, "run the doctor as root");
            yield break;
        }

        var published = AnswerPublisher.PublishedRevision(config);
        if (published is null)
            yield return Warning("no revision stamp: the answers were never published, or by an older cpvendor", AnswerPublisher.RevisionFile(config), "cpvendor publish");
        else if (published != settings.Revision)
            yield return Warning($"published answers are at revision {published}, the store at {settings.Revision}: callers see old data", AnswerPublisher.RevisionFile(config), "cpvendor publish (and publish after every panel change)");
        else
            yield return Ok($"published answers are at the store's revision {published}");
    }
}
