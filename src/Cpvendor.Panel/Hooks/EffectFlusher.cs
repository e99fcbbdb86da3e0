using System.Globalization;
using Cpvendor.Core;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Governor;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.Panel.Hooks;

/// <summary>
/// Carries out the effects committed changes recorded in <c>pending_effects</c>: republishes the
/// per-user answers of the affected ids and panel_info, rewrites the Governor map, then forgets
/// those rows. Serialised by a lock so that a slower process can never overwrite newer files with
/// older ones; effects recorded after the rows were read stay for the next flush.
/// </summary>
internal static class EffectFlusher
{
    public static void Flush(InstallConfig config, StoreSession store)
    {
        using var guard = FileLock.Acquire(LockFiles.PublishPath(config), TimeSpan.FromSeconds(120));
        // Every committed change, whatever effects it recorded, reaches the read model before any hook.
        ReadModelPublisher.Publish(config, store);
        AnswerBookPublisher.PublishSoon(config);
        // Only the newest rows of the book's change log stay: a book older than them is rebuilt whole.
        store.TrimBookChanges();
        var recorded = store.PendingEffects();
        if (recorded.Count == 0)
            return;
        var last = recorded[^1].Id;
        var effects = recorded.Select(e => e.Effect);

        var uids = new HashSet<uint>();
        var panelInfo = false;
        var allUsers = false;
        var governor = false;
        var nativePhp = false;
        var governorDbUsers = new HashSet<string>(StringComparer.Ordinal);
        var governorAccounts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in effects)
        {
            if (effect.StartsWith("governor_db:", StringComparison.Ordinal))
                governorDbUsers.Add(effect["governor_db:".Length..]);
            else if (effect.StartsWith("governor_account:", StringComparison.Ordinal))
                governorAccounts.Add(effect["governor_account:".Length..]);

            else if (effect == PanelEffect.PanelInfo.Value)
                panelInfo = true;
            else if (effect == PanelEffect.AllUsers.Value)
                allUsers = true;
            else if (effect == PanelEffect.GovernorMap.Value)
                governor = true;
            else if (effect == PanelEffect.NativePhp.Value)
                nativePhp = true;
            else if (effect.StartsWith("uid:", StringComparison.Ordinal)
                && uint.TryParse(effect.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
                uids.Add(uid);
        }

        if (allUsers)
        {
            AnswerPublisher.PublishAll(config);
        }
        else if (panelInfo || uids.Count > 0)
        {
            using var reader = PanelReader.Open(config.Store);
            if (panelInfo)
                AnswerPublisher.PublishPanelInfo(config, reader);
            if (uids.Count > 0)
                AnswerPublisher.PublishUsers(config, reader, uids);
        }

        FaultPoint.Hit(config, "after-publish");
        if (governor)
            GovernorMapWriter.Write(config, store);
        else if (governorDbUsers.Count > 0 || governorAccounts.Count > 0)
            GovernorMapWriter.Update(config, store, governorDbUsers, governorAccounts);
        FaultPoint.Hit(config, "after-governor");
        if (nativePhp)
        {
            // A native.conf that cannot be written must not hold back the effects after it: it is logged.
            try
            {
                using var reader = PanelReader.Open(config.Store);
                if (Selector.NativePhpConf.Refresh(config, reader) is { } done)
                    HookLog.Write(config, "native.conf: " + done);
            }
            catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
            {
                HookLog.Write(config, "native.conf not written: " + e.Message);
            }
        }

        store.ForgetEffectsThrough(last);
    }
}
