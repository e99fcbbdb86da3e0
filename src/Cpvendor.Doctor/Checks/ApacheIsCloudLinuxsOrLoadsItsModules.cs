using Cpvendor.Doctor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "Integration of Apache modules in control panels":
/// an Apache from CloudLinux's packages (httpd, httpd24-httpd) gets mod_hostinglimits and mod_lsapi
/// as packages; a custom Apache must load its own builds of them, or web requests escape LVE. The
/// origin comes from rpm on the real host, the modules from <c>httpd -M</c> there and from the
/// <c>LoadModule</c> lines of the configuration on a copied tree.
/// </summary>
internal sealed class ApacheIsCloudLinuxsOrLoadsItsModules : Check
{
    public override string Name => "Apache is CloudLinux's or loads mod_hostinglimits";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var servers = ApacheInstall.Find(host);
        if (servers.Count == 0)
        {
            yield return Info("no Apache in the known places; another web server needs its own CloudLinux integration");
            yield break;
        }

        foreach (var apache in servers)
            yield return Judge(host, apache);
    }

    private Finding Judge(HostView host, ApacheInstall apache)
    {
        var owner = ApacheInstall.RpmOwner(host, apache.HostBinary);
        var origin = owner switch
        {
            null => apache.PackageLayout ? "where CloudLinux's packages put it; its package cannot be asked here" : "a custom build (not a packaged layout)",
            { Package: null } => "owned by no package: a custom build",
            { } o => $"package {o.Package} from {o.Vendor ?? "an unknown vendor"}",
        };
        if (owner is { Vendor: { } vendor } && vendor.Contains("CloudLinux", StringComparison.OrdinalIgnoreCase))
            return Ok($"Apache is CloudLinux's package {owner.Value.Package}: install mod_hostinglimits and mod_lsapi from its packages", $"{apache.Binary}: {origin}");

        var modules = apache.LoadedModules(host) ?? (apache.ConfigFiles.Count > 0 ? apache.ConfiguredModules() : null);
        if (modules is null)
            return Unknown("the modules this Apache loads cannot be seen", $"{apache.Binary}: {origin}; no httpd -M and no configuration found", $"run {apache.HostBinary} -M on the host and look for hostinglimits_module and lsapi_module");

        var evidence = $"{apache.Binary}: {origin}; hostinglimits_module {(modules.Contains("hostinglimits_module") ? "loaded" : "not loaded")}, lsapi_module {(modules.Contains("lsapi_module") ? "loaded" : "not loaded")}";
        if (!modules.Contains("hostinglimits_module"))
            return Warning("this Apache does not load mod_hostinglimits: web requests are not put into their account's LVE", evidence, "build mod_hostinglimits against this Apache (rpmbuild --rebuild of its source RPM, with this Apache's paths) and load it");
        return modules.Contains("lsapi_module")
            ? Ok("this Apache loads mod_hostinglimits and mod_lsapi", evidence)
            : Info("this Apache loads mod_hostinglimits; mod_lsapi (an optional PHP handler) is not loaded", evidence);
    }
}
