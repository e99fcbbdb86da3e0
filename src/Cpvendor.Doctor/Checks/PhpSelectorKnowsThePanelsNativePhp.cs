using Cpvendor.Panel.Selector;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "Integrating CloudLinux PHP Selector": the panel's
/// native PHP binaries are named in <c>/etc/cl.selector/native.conf</c> (<c>php=</c>, <c>php-cli=</c>,
/// <c>php.ini=</c>, mode 0644), exactly as the store's native PHP version gives them.
/// </summary>
internal sealed class PhpSelectorKnowsThePanelsNativePhp : Check
{
    public override string Name => "PHP Selector knows the panel's native PHP";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (natives, problem) = host.Store(reader => reader.NativePhp());
        if (natives is null)
        {
            yield return Unknown("the panel's PHP versions cannot be read", problem, "run the doctor as root on an installed host");
            yield break;
        }

        var expected = NativePhpConf.Render(natives);
        var file = host.Read("/" + NativePhpConf.RelativePath);
        if (expected is null)
        {
            yield return file.Missing
                ? Info("the panel marks no PHP version native; PHP Selector has no native PHP from the panel")
                : Info("the panel marks no PHP version native; native.conf was written by someone else", file.Path);
            yield break;
        }

        var evidence = $"native PHP {natives[0].Identifier}: {natives[0].Bin}";
        if (file.Text is null)
        {
            yield return file.Missing
                ? Warning("native.conf is missing: PHP Selector does not know the panel's PHP", evidence, "cpvendor install (it writes the file and runs cagefsctl --setup-cl-selector)")
                : Unknown("native.conf cannot be read", file.Problem, "run the doctor as root");
            yield break;
        }

        if (file.Text != expected)
        {
            yield return Warning("native.conf does not name the panel's native PHP", $"{file.Path}: {Flat(file.Text)}; the store gives: {Flat(expected)}", "cpvendor install, or change the PHP version in the panel (cpvendor settings php ...)");
            yield break;
        }

        var mode = File.GetUnixFileMode(file.Path);
        yield return mode == NativePhpConf.Mode
            ? Ok("native.conf names the panel's native PHP", evidence)
            : Warning($"native.conf has mode {Format.ModeText(mode)}, PHP Selector needs 0644", file.Path, $"chmod 0644 {host.HostPath(file.Path)}");
    }

    private static string Flat(string text) => text.Trim().Replace('\n', ' ');
}
