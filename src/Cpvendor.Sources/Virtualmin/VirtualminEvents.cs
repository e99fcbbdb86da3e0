using Cpvendor.Core;
using Cpvendor.Core.Processes;
using Cpvendor.Core.Webmin;
using Cpvendor.Panel;
using Cpvendor.Sources.Storage;
using Cpvendor.Store;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>
/// <c>cpvendor virtualmin event --phase pre|post</c>: what Virtualmin's pre- and post-change
/// commands run, with <c>VIRTUALSERVER_ACTION</c> and the changed server's keys as
/// <c>VIRTUALSERVER_*</c> variables (docs/panels/virtualmin.md, "Events"). The hooks are those of
/// docs/contract.md section 5, through the lifecycle's durable outbox:
/// <list type="bullet">
/// <item>pre, DELETE_DOMAIN of a top-level server: <c>pre_modify_user.py delete</c> while the UNIX
/// user, its files and the store's account still exist, within a bounded time;</item>
/// <item>post, any action: a sync from the files (store and answers first, then the post hooks it
/// derives); RESTORE_DOMAIN of a top-level server adds <c>post_modify_user.py restore</c>.</item>
/// </list>
/// The command the administrator had configured before is chained: before ours in the pre phase
/// (it may veto the change), after ours in the post phase. The exit status is 0 unless that older
/// pre command failed, which aborts the change exactly as it did before cpvendor was installed.
/// </summary>
public static class VirtualminEvents
{
    public const string ChainFileName = "virtualmin-chain.conf";

    /// <summary>How long ago a pre-delete hook sent ahead of a deletion still stands for it.</summary>
    private static readonly TimeSpan AnnouncementLifetime = TimeSpan.FromHours(1);

    /// <summary>The older commands install found in Virtualmin's configuration (<c>pre_command</c>, <c>post_command</c>).</summary>
    public static string ChainFile(string root) => Path.Combine(InstallLayout.Under(root, InstallLayout.EtcDir), ChainFileName);

    public static int Handle(InstallConfig config, bool pre, IReadOnlyDictionary<string, string> environment, TextWriter output, TimeSpan preHookTimeout)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var chained = KeyValueFile.Read(ChainFile(config.Root)).GetValueOrDefault(pre ? "pre_command" : "post_command") ?? "";
        var action = environment.GetValueOrDefault("VIRTUALSERVER_ACTION") ?? "";
        var id = environment.GetValueOrDefault("VIRTUALSERVER_ID") ?? "";
        var topLevel = id.Length > 0 && string.IsNullOrEmpty(environment.GetValueOrDefault("VIRTUALSERVER_PARENT"));
        if (pre)
        {
            // The older command may stop the change: then CloudLinux must not hear of a deletion that does not happen.
            if (RunChained(chained, output) is { } status and not 0)
                return status;
            if (action == "DELETE_DOMAIN" && topLevel)
                Announce(config, id, preHookTimeout, (name, uid) => HookEvent.UserDeleting(name, uid), onlyOnce: true, output);
            return 0;
        }

        try
        {
            if (Settings(config).Kind == SourceKind.Virtualmin)
                SyncRunner.Run(config);
            if (action == "RESTORE_DOMAIN" && topLevel)
                Announce(config, id, TimeSpan.FromSeconds(config.HookTimeoutSeconds), HookEvent.UserRestored, onlyOnce: false, output);
        }
        catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
        {
            // Recorded for 'sync --status'; the timer's next sync tries again. Virtualmin is not held up.
            output.WriteLine($"cpvendor: {e.Message}");
        }

        return RunChained(chained, output) ?? 0;
    }

    /// <summary>
    /// The hooks a sync derived, less the pre-delete hooks already sent ahead of the deletion by the
    /// pre-change command (a pre-delete queued within the last hour with no post-delete after it):
    /// the timer sync and the post-change command never derive one twice.
    /// </summary>
    internal static IReadOnlyList<HookEvent> WithoutAnnounced(InstallConfig config, IReadOnlyList<HookEvent> events, DateTimeOffset now)
    {
        if (!events.Any(e => e.Script == HookEvent.PreModifyUser))
            return events;
        using var reader = PanelReader.Open(config.Store);
        var announced = reader.DeletionsAnnouncedAhead((now - AnnouncementLifetime).ToUnixTimeSeconds());
        return events.Where(e => e.Script != HookEvent.PreModifyUser || e.Arguments is not [_, _, var name] || !announced.Contains(name)).ToList();
    }

    private static SourceSettings Settings(InstallConfig config)
    {
        using var store = PanelStore.OpenForRead(config.Store);
        return SourceSettings.Read(store);
    }

    private static void Announce(InstallConfig config, string accountId, TimeSpan timeout, Func<string, uint, HookEvent> hook, bool onlyOnce, TextWriter output)
    {
        try
        {
            if (Settings(config) is not { Kind: SourceKind.Virtualmin, DeriveHooks: true })
                return;
            (string Username, uint Uid)? account;
            using (var reader = PanelReader.Open(config.Store))
            {
                account = reader.AccountById(accountId);
                if (account is null || (onlyOnce && reader.DeletionsAnnouncedAhead((DateTimeOffset.UtcNow - AnnouncementLifetime).ToUnixTimeSeconds()).Contains(account.Value.Username)))
                    return;
            }

            using (var store = PanelStore.OpenForWrite(config.Store))
                SnapshotApplier.Enqueue(store, [hook(account.Value.Username, account.Value.Uid)]);
            var seconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
            HookDelivery.RunPending(config with { HookTimeoutSeconds = Math.Min(seconds, config.HookTimeoutSeconds) }, ignoreBackoff: false);
        }
        catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
        {
            // A hook that cannot be sent never stops the panel; a pending one is retried by the next sync.
            output.WriteLine($"cpvendor: {e.Message}");
        }
    }

    /// <summary>
    /// Runs the older command as Virtualmin would have, through the shell, with Virtualmin's environment
    /// (VIRTUALSERVER_*) but the clean PATH and <c>/</c> as working directory, so that no folder of the
    /// caller's can supply a program the command names; null when there is none.
    /// </summary>
    private static int? RunChained(string command, TextWriter output)
    {
        if (string.IsNullOrWhiteSpace(command))
            return null;
        // No time limit but Virtualmin's, as when Virtualmin ran it itself.
        var run = ChildProcess.Run(["/bin/sh", "-c", "(" + command + ") 2>&1 </dev/null"], new ChildOptions
        {
            CleanEnvironment = false,
            Timeout = Timeout.InfiniteTimeSpan,
            MergeOutput = true,
        });
        if (run.StartError is { } problem)
            throw CpvendorException.Io($"could not start /bin/sh for the chained command: {problem}");
        output.Write(run.Stdout);
        return run.ExitCode;
    }
}
