using Cpvendor.Panel.Selector;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "Integrating CloudLinux PHP Selector": a written
/// native.conf takes effect only after <c>cagefsctl --setup-cl-selector</c>. cpvendor keeps the hash
/// of the file it last applied; a file that differs from it was never applied.
/// </summary>
internal sealed class PhpSelectorSetUpWasApplied : Check
{
    public override string Name => "PHP Selector set-up was applied";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var file = host.Read("/" + NativePhpConf.RelativePath);
        if (file.Missing)
        {
            yield return Info("there is no native.conf to apply");
            yield break;
        }

        if (!File.Exists(host.Under("/usr/sbin/cagefsctl")))
        {
            yield return Info("CageFS is not installed: PHP Selector needs it, and nothing can be applied yet", host.Under("/usr/sbin/cagefsctl"));
            yield break;
        }

        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run the doctor as root on an installed host");
            yield break;
        }

        var stamp = host.Read(host.HostPath(NativePhpConf.StampPath(config)));
        if (file.Text is null || (stamp.Text is null && !stamp.Missing))
        {
            yield return Unknown("native.conf or the applied stamp cannot be read", file.Problem ?? stamp.Problem, "run the doctor as root");
            yield break;
        }

        var current = NativePhpConf.Hash(System.Text.Encoding.UTF8.GetBytes(file.Text));
        if (stamp.Text?.Trim() == current)
        {
            yield return Ok("cagefsctl --setup-cl-selector ran on the current native.conf", stamp.Path);
            yield break;
        }

        yield return Warning(
            stamp.Missing ? "cagefsctl --setup-cl-selector has not been run by cpvendor" : "native.conf changed since cagefsctl --setup-cl-selector last ran",
            $"{file.Path}; {stamp.Path}: {(stamp.Missing ? "missing" : "another file")}",
            "cpvendor install on the host (it runs cagefsctl --setup-cl-selector), or run it by hand");
    }
}
