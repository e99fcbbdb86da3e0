using Cpvendor.Conformance.Ini;
using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// Questions must not change the host (one script created UNIX users when asked for resellers).
/// The account files are compared around every call; the folders integration.ini names (those of
/// its programs, the ini's own, base_path) over the whole run. An account change that names nothing
/// the panel reports is only a note: another program on the host may have made it meanwhile.
/// </summary>
internal static class SideEffectChecks
{
    private static readonly string[] SystemFolders = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/usr/lib", "/usr/libexec", "/lib", "/usr/share"];

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Questions_change_nothing_on_the_host", IniChecks.CallersSection, "no call changes /etc/passwd, /etc/group, /etc/shadow or the folders integration.ini names", Judge, Aggregate: true),
    ];

    /// <summary>The folders worth watching: where the ini and its programs live, and base_path.</summary>
    public static IEnumerable<string> FoldersNamed(IntegrationConfig config)
    {
        if (Path.GetDirectoryName(config.Path) is { } iniFolder)
            yield return iniFolder;
        var commands = config.Lines.Keys.Select(config.Command).Append(config.UiUserInfoCommand()).OfType<IReadOnlyList<string>>();
        foreach (var word in commands.SelectMany(c => c).Where(w => w.StartsWith('/')))
        {
            if (File.Exists(word) && Path.GetDirectoryName(word) is { } folder && !SystemFolders.Contains(folder))
                yield return folder;
        }

        if (config.Value(IntegrationConfig.LvemanagerSection, "base_path") is { Length: > 1 } basePath && basePath.StartsWith('/') && !SystemFolders.Contains(basePath))
            yield return basePath;
    }

    private static Findings Judge(CheckContext context)
    {
        var watch = context.Calls.Watch;
        if (watch is null)
            return Findings.Skipped("the host was not watched in this run");
        var findings = new Findings();
        var b = context.Baseline;
        var panelNames = b.Usernames.Concat(b.ResellerNames).Concat(b.AdminNames)
            .Concat(b.Admins.Items.Select(a => Json.Str(a, "unix_user")).OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (call, change) in watch.AccountChanges)
        {
            if (panelNames.Contains(HostWatch.NameOf(change)))
                findings.Fail($"the account files changed during this call: {change}", call);
            else
                findings.Note($"the account files changed during {call.Call.Display} ({change}); it names nothing the panel reports, so another program may have made it");
        }

        foreach (var change in watch.FolderChanges())
            findings.Fail($"a folder integration.ini names changed during the run: {change}");
        findings.Pass(detail: $"{context.Calls.All.Count} calls; watched {string.Join(", ", HostWatch.AccountFiles)}{(watch.Folders.Count > 0 ? " and " + string.Join(", ", watch.Folders) : "")}");
        return findings;
    }
}
