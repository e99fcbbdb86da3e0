using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Host.Plan;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.Host.Steps;

/// <summary>
/// The answers unprivileged callers read (public panel_info 0644, per-uid files 0400 in a 0711
/// folder), published from the store. The data folder is cpvendor's alone: uninstall removes it.
/// </summary>
internal sealed class PublishStep(InstallConfig config) : IInstallStep
{
    public string Description => $"published answers under {config.DataDir}";

    public string? Check(StepContext context)
    {
        if (!Directory.Exists(config.UsersDir) || !File.Exists(config.PanelInfoFile))
            return "not published";
        if (Directory.Exists(AnswerPublisher.RetiredSnapshotFolder(config)))
            return "an older version's admin snapshots are still published";
        long revision;
        using (var reader = PanelReader.Open(config.Store))
            revision = reader.Settings().Revision;
        if (AnswerPublisher.PublishedRevision(config) != revision)
            return $"store is at revision {revision}";
        return ReadModelStatus.Of(config).Current ? null : "the read model is older than the store";
    }

    public void Apply(StepContext context)
    {
        if (!Directory.Exists(config.DataDir))
        {
            context.EnsureDirectory(Path.GetDirectoryName(config.DataDir)!, Modes.Dir);
            context.Manifest.Record(new Change(ChangeKind.CreatedTree, config.DataDir));
        }

        var report = AnswerPublisher.PublishAll(config);
        context.Log.WriteLine($"  published panel_info and {report.Users} per-user answer files");
    }
}
