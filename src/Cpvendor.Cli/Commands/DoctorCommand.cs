using System.CommandLine;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor doctor [--root DIR] [--format text|json]</c>: finds what is wrong on a server.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var root = new Option<DirectoryInfo>("--root") { Description = "Folder standing for / (default: the real root)", DefaultValueFactory = _ => new DirectoryInfo("/") };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var allowUntrusted = new Option<bool>("--allow-untrusted") { Description = "Run, as root, script lines that a user other than root can change (reported and skipped otherwise, exit 6)" };
        var command = new Command("doctor", "Check the host's integration; exit 0 healthy, 1 warnings, 2 errors, 3 only unknowns, 6 refused to run a line a user can change.") { root, format, allowUntrusted };
        command.SetAction(result =>
        {
            var report = Doctor.Doctor.Examine(result.GetValue(root)!.FullName, result.GetValue(allowUntrusted));
            if (result.GetValue(format) == "json")
                report.WriteJson(result.Out());
            else
                report.WriteText(result.Out());
            foreach (var refusal in report.RefusedToRun)
                result.InvocationConfiguration.Error.WriteLine($"cpvendor doctor: not run as root: {refusal}");
            return report.ExitCode;
        });
        return command;
    }
}
