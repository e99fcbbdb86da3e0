using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Host.Plan;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.Host.Steps;

/// <summary>
/// The answers unprivileged callers read (public panel_info 0644, per-uid files 0400 in a 0711
/// folder), published from the store. The data folder is cpvendor's alone: uninstall removes it.
/// The settings are read when the step runs, not when the plan is made: the admin group may be
/// created by an earlier step of the same install, and the read model must be that group's.
/// </summary>
internal sealed class PublishStep(Func<InstallConfig> settings) : IInstallStep
{
    public string Description => $"published answers under {settings().DataDir}";

    public string? Check(StepContext context)
    {
        var config = settings();
        if (!Directory.Exists(config.UsersDir) || !File.Exists(config.PanelInfoFile))
            return "not published";
        if (Directory.Exists(AnswerPublisher.RetiredSnapshotFolder(config)))
            return "an older version's admin snapshots are still published";
        if (AnswerPublisher.HasRetiredUserFiles(config))
            return "an older version's two files per account are still published";
        long revision;
        using (var reader = PanelReader.Open(config.Store))
            revision = reader.Settings().Revision;
        if (AnswerPublisher.PublishedRevision(config) != revision)
            return $"store is at revision {revision}";
        if (!ReadModelStatus.Of(config).Current)
            return "the read model is older than the store";
        // An install that ran before its admin group existed left the read model to root's group.
        if (context.AsRoot && config.AdminGid is { } gid && Libc.Owner(ReadModelFiles.Folder(config)) is { } folder && folder.Gid != gid)
            return $"the read model is not readable by group {gid}";
        return null;
    }

    public void Apply(StepContext context)
    {
        var config = settings();
        if (!Directory.Exists(config.DataDir))
        {
            context.EnsureDirectory(Path.GetDirectoryName(config.DataDir)!, Modes.Dir);
            context.Manifest.Record(new Change(ChangeKind.CreatedTree, config.DataDir));
        }

        var report = AnswerPublisher.PublishAll(config);
        context.Log.WriteLine($"  published panel_info and {report.Users} per-user answer files");
    }
}
