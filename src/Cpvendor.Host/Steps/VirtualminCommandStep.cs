using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Webmin;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// Makes cpvendor Virtualmin's pre- and post-change command (<c>pre_command</c> and
/// <c>post_command</c> in the module configuration, docs/panels/virtualmin.md), so that every
/// change reaches CloudLinux as the hooks of docs/contract.md section 5. A command the
/// administrator had there is kept in cpvendor's chain file, which the event handler runs too.
/// Only those two lines of Virtualmin's file are touched (Virtualmin rewrites the file itself), and
/// uninstall puts back only them, and only while they still hold cpvendor's command.
/// </summary>
internal sealed class VirtualminCommandStep(string configFile, string chainFile, string binary) : IInstallStep
{
    private static readonly string[] Keys = ["pre_command", "post_command"];

    public string Description => $"Virtualmin {configFile}: pre_command and post_command run cpvendor (older commands kept in {chainFile})";

    public static string Command(string binary, string key) =>
        ShellWords.Join([binary, "virtualmin", "event", "--phase", key == "pre_command" ? "pre" : "post"]);

    public string? Check(StepContext context)
    {
        if (!File.Exists(configFile))
            return "Virtualmin's configuration is missing";
        var current = KeyValueFile.Read(configFile);
        if (Keys.Any(k => current.GetValueOrDefault(k) != Command(binary, k)))
            return "cpvendor is not the pre/post-change command yet";
        return File.Exists(chainFile) ? null : "the chain file is missing";
    }

    public void Apply(StepContext context)
    {
        if (!File.Exists(configFile))
            throw CpvendorException.Invalid($"{configFile} does not exist: is Virtualmin installed here? (give its folder with --virtualmin-config-dir)");
        var current = KeyValueFile.Read(configFile);
        var chain = KeyValueFile.Read(chainFile);
        foreach (var key in Keys)
        {
            if (current.GetValueOrDefault(key) is { } value && value != Command(binary, key))
                chain[key] = value;
        }

        var chainText = string.Concat(Keys.Select(k => $"{k}={chain.GetValueOrDefault(k) ?? ""}\n"));
        if (!File.Exists(chainFile))
        {
            context.EnsureDirectory(Path.GetDirectoryName(chainFile)!, Modes.Dir);
            context.Manifest.Record(new Change(ChangeKind.CreatedFile, chainFile));
        }

        // The chain is in place before Virtualmin can run the new command.
        SecureFile.WriteAtomic(chainFile, Installer.Utf8(chainText), Modes.Secret, context.AsRoot ? 0u : null, context.AsRoot ? 0u : null);

        var text = File.ReadAllText(configFile);
        foreach (var key in Keys)
        {
            var value = current.GetValueOrDefault(key);
            if (value == Command(binary, key))
                continue;
            if (!context.Manifest.Changes.Any(c => c.Kind == ChangeKind.SetKey && c.Target == configFile && KeyOf(c.Detail) == key))
                context.Manifest.Record(new Change(ChangeKind.SetKey, configFile, Detail: value is null ? key : key + "=" + value));
            text = KeyValueFile.With(text, key, Command(binary, key));
        }

        var status = Libc.Owner(configFile)!.Value;
        SecureFile.WriteAtomic(configFile, Installer.Utf8(text), status.Mode, context.AsRoot ? status.Uid : null, context.AsRoot ? status.Gid : null);
    }

    /// <summary>Uninstall: the line gets its value from before install back (or goes, if there was none) while it still runs cpvendor.</summary>
    public static string? Restore(Change change, List<string> kept)
    {
        if (!File.Exists(change.Target))
            return null;
        var detail = change.Detail ?? "";
        var key = KeyOf(detail);
        var equals = detail.IndexOf('=', StringComparison.Ordinal);
        var prior = equals < 0 ? null : detail[(equals + 1)..];
        var now = KeyValueFile.Read(change.Target).GetValueOrDefault(key);
        if (now is null || !now.Contains(" virtualmin event --phase ", StringComparison.Ordinal))
        {
            kept.Add($"{change.Target}: {key} was changed since install, left as it is");
            return null;
        }

        var status = Libc.Owner(change.Target)!.Value;
        var text = KeyValueFile.With(File.ReadAllText(change.Target), key, prior);
        SecureFile.WriteAtomic(change.Target, Installer.Utf8(text), status.Mode, Libc.GetEuid() == 0 ? status.Uid : null, Libc.GetEuid() == 0 ? status.Gid : null);
        return prior is null ? $"removed {key} from {change.Target}" : $"restored {key} in {change.Target}";
    }

    private static string KeyOf(string? detail) => (detail ?? "").Split('=', 2)[0];
}
