using System.Text.Json.Serialization;
using Cpvendor.Core.Native;

namespace Cpvendor.Doctor;

/// <summary>
/// The host the doctor examined: its distribution and version from os-release (read under the root,
/// so a folder standing for a host tells its own), and the C library and kernel this process runs on.
/// </summary>
public sealed record HostPlatform(
    [property: JsonPropertyName("distribution")] string Distribution,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("version_id")] string? VersionId,
    [property: JsonPropertyName("c_library")] string CLibrary,
    [property: JsonPropertyName("kernel")] string Kernel,
    [property: JsonPropertyName("support")] HostSupportLevel Support,
    [property: JsonPropertyName("verdict")] string Verdict)
{
    /// <summary>One line for people: <c>Debian GNU/Linux 11 (bullseye), glibc 2.31, Linux 5.10.0-28-amd64</c>.</summary>
    [JsonIgnore]
    public string Summary => $"{Distribution}, glibc {CLibrary}, Linux {Kernel}";

    internal static HostPlatform Read(HostView host)
    {
        var file = host.Read("/etc/os-release");
        if (file.Missing)
            file = host.Read("/usr/lib/os-release");
        var release = file.Text is { } text ? OsRelease.Parse(text) : null;
        var cloudLinux = !host.Read("/etc/cloudlinux-release").Missing;
        var libc = Libc.CLibraryVersion();
        var kernel = Libc.KernelRelease();
        var support = HostSupport.Classify(release, cloudLinux, libc, kernel);
        return new HostPlatform(support.Name, release?.Id, release?.VersionId, libc, kernel, support.Level, support.Reason);
    }
}
