using System.Security.Cryptography;
using System.Text;
using Cpvendor.Core;
using Cpvendor.Core.Processes;
using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel.Selector;

/// <summary>
/// CloudLinux PHP Selector's view of the panel's own PHP (the seed's "Integrating CloudLinux PHP
/// Selector"; docs/contract.md section 7): <c>/etc/cl.selector/native.conf</c>, mode 0644, lines
/// <c>php=</c> (the CGI binary), <c>php-cli=</c> and <c>php.ini=</c> for the one native PHP, then
/// <c>cagefsctl --setup-cl-selector</c> to apply it. The file is rewritten only when its content
/// changes; cagefsctl runs only on the real root, and each successful run leaves a stamp (the hash
/// of the file it applied) so that the doctor can tell whether the set-up was applied.
/// </summary>
public static class NativePhpConf
{
    public const string RelativePath = "etc/cl.selector/native.conf";

    public const string StampName = "cl-selector.applied";

    public const UnixFileMode Mode = (UnixFileMode)0b110_100_100;

    private static uint? RootOwner => Core.Native.Libc.GetEuid() == 0 ? 0u : null;

    public static string PathUnder(string root) => InstallLayout.Under(root, RelativePath);

    public static string CageFsCtl(string root) => InstallLayout.Under(root, "usr/sbin/cagefsctl");

    /// <summary>Where the hash of the last applied native.conf is kept.</summary>
    public static string StampPath(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Path.Combine(config.DataDir, StampName);
    }

    /// <summary>The file for the store's first native PHP, or null when the panel marks none native.</summary>
    public static string? Render(IReadOnlyList<NativePhpRow> natives)
    {
        ArgumentNullException.ThrowIfNull(natives);
        if (natives.Count == 0)
            return null;
        var php = natives[0];
        foreach (var path in new[] { php.Bin, php.Ini })
        {
            if (!path.StartsWith('/') || path.Any(c => char.IsControl(c) || c == '='))
                throw CpvendorException.Invalid($"the native PHP {php.Identifier} has a path native.conf cannot carry");
        }

        var dir = Path.GetDirectoryName(php.Bin) ?? "/";
        var sb = new StringBuilder();
        sb.Append("php=").Append(dir.TrimEnd('/')).Append("/php-cgi\n");
        sb.Append("php-cli=").Append(php.Bin).Append('\n');
        sb.Append("php.ini=").Append(php.Ini).Append('\n');
        return sb.ToString();
    }

    public static string? Render(PanelReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Render(reader.NativePhp());
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// After a PHP change: rewrites native.conf when the store says something else and install has
    /// set up its folder (otherwise the host is not ours to change), then applies it. With no native
    /// PHP left, a native.conf of the form written here is removed (and the removal applied): PHP
    /// Selector must not keep a PHP the panel no longer has; one written by someone else stays.
    /// Returns what was done, for logs; null when nothing changed.
    /// </summary>
    public static string? Refresh(InstallConfig config, PanelReader reader)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = PathUnder(config.Root);
        if (!Directory.Exists(Path.GetDirectoryName(path)))
            return null;
        if (Render(reader) is not { } text)
            return RemoveWritten(config, path);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return null;
        SecureFile.WriteAtomic(path, bytes, Mode, RootOwner, RootOwner);
        return Apply(config, bytes);
    }

    /// <summary>True when <paramref name="text"/> has exactly the form <see cref="Render(IReadOnlyList{NativePhpRow})"/> gives.</summary>
    public static bool IsWritten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        if (lines is not [var cgi, var cli, var ini, ""] || !cli.StartsWith("php-cli=/", StringComparison.Ordinal) || !ini.StartsWith("php.ini=/", StringComparison.Ordinal))
            return false;
        var bin = cli["php-cli=".Length..];
        return cgi == "php=" + (Path.GetDirectoryName(bin) ?? "/").TrimEnd('/') + "/php-cgi";
    }

    private static string? RemoveWritten(InstallConfig config, string path)
    {
        if (!File.Exists(path) || !IsWritten(File.ReadAllText(path)))
            return null;
        File.Delete(path);
        return "removed native.conf (no PHP version is native); " + Apply(config, null);
    }

    /// <summary>
    /// <c>cagefsctl --setup-cl-selector</c>, as an argument vector, on the real root only (a folder
    /// standing for / has no CageFS to set up) and only when cagefsctl is installed. A successful
    /// run stamps the file applied, or with <paramref name="applied"/> null (native.conf removed)
    /// removes the stamp.
    /// </summary>
    public static string Apply(InstallConfig config, byte[]? applied)
    {
        ArgumentNullException.ThrowIfNull(config);
        var tool = CageFsCtl(config.Root);
        if (!File.Exists(tool))
            return "CageFS is not installed: cagefsctl --setup-cl-selector not run";
        if (Path.GetFullPath(config.Root) != "/")
            return $"not run on a folder standing for /: {tool} --setup-cl-selector";

        var run = ChildProcess.Run([tool, "--setup-cl-selector"], new ChildOptions { Timeout = TimeSpan.FromMinutes(10) });
        if (run.StartError is { } problem)
            throw CpvendorException.Io(problem);
        if (run.TimedOut)
            return $"{tool} --setup-cl-selector timed out";
        if (run.ExitCode != 0)
            return $"{tool} --setup-cl-selector failed ({run.ExitCode}): {run.Stderr.Trim()}";
        if (applied is null)
        {
            File.Delete(StampPath(config));
            return $"ran {tool} --setup-cl-selector";
        }

        Directory.CreateDirectory(config.DataDir);
        SecureFile.WriteAtomic(StampPath(config), Encoding.UTF8.GetBytes(Hash(applied) + "\n"), Mode, RootOwner, RootOwner);
        return $"ran {tool} --setup-cl-selector";
    }
}
