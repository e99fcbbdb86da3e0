using Cpvendor.Core.Processes;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// The sudoers drop-in (0440 root). A broken drop-in disables sudo for the whole host, so the
/// content is checked with <c>visudo -cf</c> before it is put in place; without visudo it is
/// written with a warning.
/// </summary>
internal sealed class SudoersStep(string path, string content) : IInstallStep
{
    private readonly FileStep file = new(path, () => Installer.Utf8(content), Modes.Sudoers, what: "sudo rule, NOPASSWD:NOSETENV, explicit path");

    public string Description => file.Description;

    public string? Check(StepContext context) => file.Check(context);

    public void Apply(StepContext context)
    {
        var problem = Validate(content);
        if (problem is not null)
            throw Core.CpvendorException.Invalid($"the sudoers drop-in for {path} does not pass visudo: {problem}");
        if (Visudo is null)
            context.Warnings.Add($"visudo not found: {path} was written without a syntax check (is sudo installed?)");
        file.Apply(context);
    }

    private static readonly string[] VisudoPaths = ["/usr/sbin/visudo", "/sbin/visudo", "/usr/bin/visudo"];

    private static string? Visudo => VisudoPaths.FirstOrDefault(File.Exists);

    /// <summary>Null when visudo accepts the text (or is absent); otherwise what it said.</summary>
    public static string? Validate(string text)
    {
        if (Visudo is not { } visudo)
            return null;
        // A new folder of root's (0700) in /tmp itself, never $TMPDIR: in a folder another account can
        // write, the file visudo checks could be swapped for another between the write and the check.
        var folder = $"/tmp/cpvendor-sudoers-{Guid.NewGuid():N}";
        if (!Core.Native.Libc.CreateDirectoryExclusive(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute))
            throw Core.CpvendorException.Io($"{folder} already exists");
        var temp = Path.Combine(folder, "sudoers");
        try
        {
            // A new file, with its mode from the first byte.
            using (var stream = new FileStream(temp, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = Modes.Sudoers }))
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
            var result = ChildProcess.Run([visudo, "-cf", temp], HostTools.Checked);
            return result.ExitCode == 0 ? null : (result.Stdout + result.Stderr).Trim();
        }
        finally
        {
            File.Delete(temp);
            Directory.Delete(folder);
        }
    }
}
