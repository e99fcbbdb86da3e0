using Cpvendor.Conformance.Ini;
using Cpvendor.Conformance.Running;
using Cpvendor.Core;
using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// Who can read the ini and run what it names (docs/contract.md sections 1 and 4). As root the checker
/// asks the kernel directly, running <c>test -r</c> / <c>test -x</c> as nobody, which also covers
/// every folder on the way; otherwise it reads the mode bits.
/// </summary>
internal static class IniAccess
{
    private const UnixFileMode GroupOrOtherWrite = FileModes.GroupOrOtherWrite;

    private static readonly ChildOptions TenSeconds = new() { Timeout = TimeSpan.FromSeconds(10) };

    public static Findings IsReadableByEveryUser(CheckContext context)
    {
        var path = context.Config.Path;
        var findings = new Findings();
        var mode = File.GetUnixFileMode(path);
        var owner = Owner(path);
        var description = $"{path}: mode {Octal(mode)}, owner {owner ?? "unknown"}";
        if ((mode & GroupOrOtherWrite) != 0)
            findings.Fail($"{description}: writable by others, so anyone could point CloudLinux at their own scripts");
        if (!EveryUserCan(context, "-r", path, mode, UnixFileMode.OtherRead))
            findings.Fail($"{description}: not readable by every user (end users and CageFS need it)");
        if (findings.HasFailures)
            return findings;
        if (owner is not null && owner != "0:0")
            findings.Warn($"{description}: the contract asks for root:root");
        else if (Octal(mode) != "0644")
            findings.Warn($"{description}: the contract asks for 0644");
        else
            findings.Pass(detail: description + (context.IsRoot ? ", read as nobody: ok" : ""));
        return findings;
    }

    public static Findings CommandsAreExecutable(CheckContext context)
    {
        if (context.Config.Document is null)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        var programs = context.Config.Lines.Keys
            .Select(s => (Script: s, Command: context.Config.Command(s)))
            .Where(x => x.Command is not null)
            .GroupBy(x => x.Command![0], x => x.Script);
        foreach (var group in programs)
            Judge(context, findings, group.Key, string.Join(", ", group));

        findings.NothingToJudge("no usable script line");
        return findings;
    }

    public static Findings NamesUiUserInfo(CheckContext context)
    {
        if (context.Config.Document is not { } document)
            return Findings.Skipped("configparser cannot read the file");
        var findings = new Findings();
        if (!document.HasSection(IntegrationConfig.LvemanagerSection))
        {
            findings.Fail($"there is no [{IntegrationConfig.LvemanagerSection}] section");
            return findings;
        }

        if (context.Config.UiUserInfoCommand() is not { } command)
        {
            findings.Fail("ui_user_info is missing, empty or cannot be split into words");
            return findings;
        }

        Judge(context, findings, command[0], "ui_user_info");
        return findings;
    }

    private static void Judge(CheckContext context, Findings findings, string program, string usedBy)
    {
        if (!Path.IsPathRooted(program))
        {
            findings.Fail($"{usedBy}: '{program}' is not an absolute path; CloudLinux does not run scripts from a known folder");
            return;
        }

        if (!File.Exists(program))
        {
            findings.Fail($"{usedBy}: {program} does not exist");
            return;
        }

        var mode = File.GetUnixFileMode(program);
        if (!EveryUserCan(context, "-x", program, mode, UnixFileMode.OtherExecute))
            findings.Fail($"{usedBy}: {program} (mode {Octal(mode)}) cannot be executed by every user");
        else
            findings.Pass(detail: $"{usedBy}: {program} (mode {Octal(mode)}) is executable by every user");
    }

    private static bool EveryUserCan(CheckContext context, string test, string path, UnixFileMode mode, UnixFileMode otherBit)
    {
        if (!context.IsRoot)
            return (mode & otherBit) != 0;
        var argv = RunAs.Nobody.PrefixWithoutGroups().Concat(["/usr/bin/test", test, path]).ToList();
        return ChildProcess.Run(argv, TenSeconds).ExitCode == 0;
    }

    private static string? Owner(string path)
    {
        var outcome = ChildProcess.Run(["/usr/bin/stat", "-c", "%u:%g", path], TenSeconds);
        return outcome.ExitCode == 0 ? outcome.Stdout.Trim() : null;
    }

    public static string Octal(UnixFileMode mode) => FileModes.Octal(mode);
}
