namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 ("Hosts"): the binaries run on glibc 2.28 and later, and the integration
/// is proven on the distributions of docs/install.md's table. Anything else is said plainly.
/// </summary>
internal sealed class HostIsOneTheIntegrationSupports : Check
{
    private const string Table = "the supported hosts are listed in docs/install.md: CloudLinux OS 8-10, AlmaLinux/Rocky/RHEL 8-10, Debian 11-12, Ubuntu 20.04, 22.04 and 24.04";

    public override string Name => "The host is one the integration supports";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var platform = host.Platform;
        var evidence = $"{platform.Summary} (ID={platform.Id ?? "none"} VERSION_ID={platform.VersionId ?? "none"})";
        yield return platform.Support switch
        {
            HostSupportLevel.Supported => Ok(platform.Verdict, evidence),
            HostSupportLevel.Unknown => Unknown(platform.Verdict, evidence, Table),
            HostSupportLevel.NotSupported => Warning(platform.Verdict, evidence, Table),
            _ => Error(platform.Verdict, evidence, "move the integration to a host with glibc 2.28 or later; " + Table),
        };
    }
}
