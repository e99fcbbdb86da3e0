using System.Text.RegularExpressions;

namespace Cpvendor.UnitTests.Processes;

/// <summary>
/// The product starts other programs only through <c>Cpvendor.Core.Processes.ChildProcess</c>: one
/// place decides the argument vector, the environment, the working directory, stdin, the capture
/// bound and the time limit. (The small binary's execv is no child: it hands its own process on.)
/// </summary>
public sealed partial class OneLauncherTests
{
    private static readonly string Runner = Path.Combine("src", "Cpvendor.Core", "Processes") + Path.DirectorySeparatorChar;

    [Fact]
    public void No_product_code_outside_the_runner_starts_a_process_itself()
    {
        var root = FindRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(root, f).StartsWith(Runner, StringComparison.Ordinal))
            .SelectMany(f => Launch().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetRelativePath(root, f)}: {m.Value}"))
            .ToList();

        Assert.True(offenders.Count == 0, "start programs through ChildProcess:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_check_sees_a_launcher_when_there_is_one()
    {
        Assert.Matches(Launch(), "using var process = Process.Start(info);");
        Assert.Matches(Launch(), "var info = new ProcessStartInfo(tool) { UseShellExecute = false };");
        Assert.DoesNotMatch(Launch(), "var run = ChildProcess.Run([tool]);");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("no cpvendor.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\bProcess\.Start\s*\(|\bnew\s+ProcessStartInfo\b", RegexOptions.CultureInvariant)]
    private static partial Regex Launch();
}
