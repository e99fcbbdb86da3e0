using Cpvendor.Doctor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "CloudLinux LVE and CageFS patches": with a custom
/// Apache, suexec, suPHP and PHP-FPM must be rebuilt with CloudLinux's patches so that the processes
/// they start enter LVE and CageFS. What can be seen of a patched build is that it loads
/// <c>liblve.so.0</c>; a program without that reference is reported, one that cannot be read is unknown.
/// </summary>
internal sealed class CustomSuexecSuphpAndPhpFpmCarryCloudLinuxsPatches : Check
{
    private static readonly string[] Suphp = ["/usr/sbin/suphp", "/usr/local/suphp/sbin/suphp", "/opt/suphp/sbin/suphp"];

    public override string Name => "Custom suexec, suPHP and PHP-FPM carry CloudLinux's patches";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var programs = new List<(string What, string Path)>();
        foreach (var apache in ApacheInstall.Find(host))
        {
            if (apache.Suexec is { } suexec && !FromCloudLinux(host, host.HostPath(suexec)))
                programs.Add(("suexec", suexec));
        }

        programs.AddRange(Suphp.Select(host.Under).Where(File.Exists).Select(p => ("suPHP", p)));
        var (php, _) = host.Store(reader => reader.Php().Select(p => p.Dir).ToList());
        foreach (var dir in (php ?? []).Append("/").Distinct(StringComparer.Ordinal))
        {
            foreach (var relative in new[] { "usr/sbin/php-fpm", "sbin/php-fpm" })
            {
                var path = host.Under(Path.Combine(dir, relative));
                if (File.Exists(path) && !programs.Any(p => p.Path == path))
                    programs.Add(("PHP-FPM", path));
            }
        }

        if (programs.Count == 0)
        {
            yield return Info("no custom suexec, suPHP or PHP-FPM found");
            yield break;
        }

        var unpatched = new List<string>();
        var unreadable = new List<string>();
        foreach (var (what, path) in programs)
        {
            switch (ApacheInstall.LoadsLiblve(path))
            {
                case true:
                    break;
                case false:
                    unpatched.Add($"{what} {path}");
                    break;
                default:
                    unreadable.Add($"{what} {path}");
                    break;
            }
        }

        if (unpatched.Count > 0)
            yield return Warning("built without CloudLinux's patch: what it starts runs outside LVE and CageFS", $"no reference to liblve.so: {Sample(unpatched)}", "apply CloudLinux's patch (cl-apache-patches) to its sources and rebuild, or use CloudLinux's package");
        if (unreadable.Count > 0)
            yield return Unknown("cannot be read to look for the patch", Sample(unreadable), "run the doctor as root");
        if (unpatched.Count == 0 && unreadable.Count == 0)
            yield return Ok("every suexec, suPHP and PHP-FPM found loads liblve", Sample(programs.Select(p => p.Path)));
    }

    private static bool FromCloudLinux(HostView host, string hostPath) =>
        ApacheInstall.RpmOwner(host, hostPath) is { Vendor: { } vendor } && vendor.Contains("CloudLinux", StringComparison.OrdinalIgnoreCase);
}
