using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A sudoers drop-in put into the real /etc/sudoers.d for one test, after visudo accepted it, and
/// removed on dispose: the real sudo then applies it (NOSETENV, env_reset, SUDO_* set by sudo).
/// </summary>
public sealed class SudoRule : IDisposable
{
    private const UnixFileMode Mode = (UnixFileMode)0b100_100_000; // 0440

    private SudoRule(string path) => Path = path;

    public string Path { get; }

    /// <summary>Installs <paramref name="text"/> (for example the install's own drop-in).</summary>
    public static SudoRule Install(string text)
    {
        // sudo keeps the first definition of an alias and ignores later ones, so two installs' drop-ins
        // live at once (tests in parallel) would both name the first one's program: each gets its own name.
        ArgumentNullException.ThrowIfNull(text);
        text = text.Replace("CPVENDOR_CPAPI", $"CPVENDOR_CPAPI_{Guid.NewGuid():N}".ToUpperInvariant(), StringComparison.Ordinal);
        var staged = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cpvendor-sudoers-{Guid.NewGuid():N}");
        File.WriteAllText(staged, text);
        File.SetUnixFileMode(staged, Mode);
        try
        {
            Assert.Equal(0, Run.Program("/usr/sbin/visudo", ["-cf", staged]).ExitCode);
        }
        finally
        {
            File.Delete(staged);
        }

        // sudo skips names with a dot; the random part keeps parallel tests apart.
        var path = $"/etc/sudoers.d/cpvendor-test-{Guid.NewGuid():N}"[..40];
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, Mode);
        return new SudoRule(path);
    }

    public void Dispose() => File.Delete(Path);
}
