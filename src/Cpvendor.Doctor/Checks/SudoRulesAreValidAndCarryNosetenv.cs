using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Core.Processes;
using Cpvendor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 6: when scripts escalate through sudo, the rule exists, passes
/// <c>visudo -cf</c>, is 0440 root, carries <c>NOPASSWD:NOSETENV:</c> (so no caller can pass a
/// forged <c>SUDO_UID</c>) and names explicit commands, never <c>ALL</c>.
/// </summary>
internal sealed class SudoRulesAreValidAndCarryNosetenv : Check
{
    private static readonly string[] VisudoPaths = ["/usr/sbin/visudo", "/sbin/visudo"];

    public override string Name => "Sudo rules are valid and carry NOSETENV";

    public override string Section => "6";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var privileged = File.Exists(HostLayout.PrivilegedConfig(host.Root)) || File.Exists(HostLayout.PrivilegedWrapper(host.Root));
        var dir = HostLayout.SudoersDir(host.Root);
        var dropIns = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir).Where(f => Mentions(f, host)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (dropIns.Count == 0)
        {
            yield return privileged
                ? Error("privileged mode is installed but no sudoers rule names cpvendor", dir, "run 'cpvendor install --privileged=sudo' again")
                : Info("sudo is not used: scripts run as their caller");
            yield break;
        }

        var problems = 0;
        foreach (var file in dropIns)
        {
            foreach (var finding in Judge(file))
            {
                problems++;
                yield return finding;
            }
        }

        if (problems == 0)
            yield return Ok("sudo rules pass visudo and carry NOPASSWD:NOSETENV with explicit paths", Sample(dropIns));
    }

    private static bool Mentions(string file, HostView host)
    {
        if (Path.GetFileName(file).Contains("cpvendor", StringComparison.Ordinal))
            return true;
        try
        {
            var text = File.ReadAllText(file);
            return text.Contains(HostLayout.PrivilegedBinary(host.Root), StringComparison.Ordinal) || text.Contains("cpvendor", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private IEnumerable<Finding> Judge(string file)
    {
        if (Libc.Owner(file) is { } status && (status.Uid != 0 || (status.Mode & FileModes.AnyWrite) != 0))
            yield return Error("the drop-in is writable by someone other than root (sudo ignores it, or anyone can edit it)", $"{file} {Format.ModeText(status.Mode)} {status.Uid}:{status.Gid}", $"chown root:root {file} && chmod 0440 {file}");

        if (VisudoPaths.FirstOrDefault(File.Exists) is not { } visudo)
        {
            yield return Unknown("visudo is not installed: the drop-in's syntax cannot be checked", file, "install sudo");
        }
        else
        {
            var run = ChildProcess.Run([visudo, "-cf", file], HostTools.Checked);
            if (run.ExitCode != 0)
                yield return Error("visudo rejects the drop-in: sudo refuses to run at all while it is there", EnvelopeVerdict.Clip(run.Stdout + run.Stderr), $"fix or remove {file} (visudo -f {file})");
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("Defaults", StringComparison.Ordinal) || line.Contains("_Alias", StringComparison.Ordinal) || !line.Contains('=', StringComparison.Ordinal))
                continue;
            if (!line.Contains("NOSETENV:", StringComparison.Ordinal))
                yield return Error("a rule lacks NOSETENV: a caller can pass SUDO_UID and pose as someone else", line, "write the rule as 'ALL ALL=(root) NOPASSWD:NOSETENV: /path cpapi *'");
            if (!line.Contains("NOPASSWD:", StringComparison.Ordinal))
                yield return Error("a rule lacks NOPASSWD: scripts would wait for a password", line, "add NOPASSWD: to the rule");
            var commands = line[(line.LastIndexOf(':') + 1)..].Split(',', StringSplitOptions.TrimEntries);
            if (commands.Any(c => c == "ALL" || c.StartsWith("ALL ", StringComparison.Ordinal)))
                yield return Error("a rule allows ALL commands", line, "name the privileged binary with its full path and 'cpapi *'");
        }
    }
}
