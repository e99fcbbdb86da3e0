using System.Globalization;

namespace Cpvendor.Doctor;

/// <summary>
/// Which hosts the integration supports (docs/install.md, "Supported hosts"): the distributions
/// CloudLinux OS runs on or beside, told by the <c>ID</c> and <c>VERSION_ID</c> of os-release, on
/// glibc 2.28 or later and Linux 4.18 or later (CloudLinux OS 8's).
/// </summary>
public sealed record HostSupport(string Name, HostSupportLevel Level, string Reason)
{
    /// <summary>The oldest C library the binaries are linked for.</summary>
    public static readonly Version MinimumCLibrary = new(2, 28);

    /// <summary>The oldest kernel: CloudLinux OS 8's, whose system calls the binaries limit themselves to.</summary>
    public static readonly Version MinimumKernel = new(4, 18);

    private static readonly string[] UbuntuReleases = ["20.04", "22.04", "24.04"];

    /// <summary>
    /// Classifies a host from its os-release (null when it has none), whether it carries CloudLinux
    /// OS's release file (<c>/etc/cloudlinux-release</c>: CloudLinux OS 10 keeps AlmaLinux's
    /// os-release), and the C library and kernel versions (null when unknown).
    /// </summary>
    public static HostSupport Classify(OsRelease? release, bool cloudLinuxReleaseFile, string? cLibrary, string? kernel)
    {
        var name = release is null ? "an unknown distribution" : NameOf(release, cloudLinuxReleaseFile);
        if (LeadingVersion(cLibrary) is { } libc && libc < MinimumCLibrary)
            return new(name, HostSupportLevel.CannotRun, $"glibc {cLibrary} is older than {MinimumCLibrary}: cpvendor's binaries cannot start here, and its packages refuse to install");
        if (release is null)
            return new(name, HostSupportLevel.Unknown, "neither /etc/os-release nor /usr/lib/os-release names the distribution");
        if (!Listed(release))
            return new(name, HostSupportLevel.NotSupported, $"{name} (ID={release.Id} VERSION_ID={release.VersionId ?? "none"}) is not a host the integration supports");
        if (LeadingVersion(kernel) is { } running && running < MinimumKernel)
            return new(name, HostSupportLevel.NotSupported, $"Linux {kernel} is older than {MinimumKernel}, the oldest kernel the integration supports");
        return new(name, HostSupportLevel.Supported, $"{name} is a supported host");
    }

    private static bool Listed(OsRelease release) => release.Id switch
    {
        "cloudlinux" or "almalinux" or "rocky" or "rhel" => release.Major is >= 8 and <= 10,
        "debian" => release.VersionId is "11" or "12",
        "ubuntu" => UbuntuReleases.Contains(release.VersionId),
        _ => false,
    };

    private static string NameOf(OsRelease release, bool cloudLinuxReleaseFile) => release.Id switch
    {
        "cloudlinux" => $"CloudLinux OS {release.Major}",
        "almalinux" when cloudLinuxReleaseFile && release.Major >= 10 => $"CloudLinux OS {release.Major} (on AlmaLinux {release.VersionId})",
        _ => release.PrettyName,
    };

    /// <summary>The leading <c>N.N</c> of a version string (<c>4.18</c> of <c>4.18.0-553.lve.el8.x86_64</c>).</summary>
    internal static Version? LeadingVersion(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        var parts = text.Split('.', 3);
        if (parts.Length < 2)
            return null;
        var minor = new string(parts[1].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a) && int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
            ? new Version(a, b)
            : null;
    }
}
