using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>
/// A line present in a shared file install does not own (a per-user mount in cagefs.mp). Only the
/// line is recorded and removed by uninstall; a missing file means the tool is not installed and the
/// step is skipped.
/// </summary>
internal sealed class LineStep(string path, string line, string raises) : IInstallStep
{
    public string? Raises => raises;

    public string Description => $"line '{line}' in {path}";

    public string? Check(StepContext context)
    {
        if (!File.Exists(path))
            return null;
        return File.ReadAllLines(path).Any(l => l.Trim() == line) ? null : "missing";
    }

    public void Apply(StepContext context)
    {
        var text = File.ReadAllText(path);
        if (text.Length > 0 && !text.EndsWith('\n'))
            text += "\n";
        var status = Core.Native.Libc.Owner(path)!.Value;
        Core.SecureFile.WriteAtomic(path, System.Text.Encoding.UTF8.GetBytes(text + line + "\n"), status.Mode, status.Uid, status.Gid);
        context.Manifest.Record(new Change(ChangeKind.AddedLine, path, Detail: line));
    }
}
