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
        var command = new Command("doctor", "Check the host's integration; exit 0 healthy, 1 warnings, 2 errors, 3 only unknowns.") { root, format };
        command.SetAction(result =>
        {
            var report = Doctor.Doctor.Examine(result.GetValue(root)!.FullName);
            if (result.GetValue(format) == "json")
                report.WriteJson(result.Out());
            else
                report.WriteText(result.Out());
            return report.ExitCode;
        });
        return command;
    }
}
