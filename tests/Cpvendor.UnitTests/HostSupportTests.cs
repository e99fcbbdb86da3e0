using Cpvendor.Doctor;

namespace Cpvendor.UnitTests;

/// <summary>
/// Which hosts the doctor calls supported (docs/install.md, "Supported hosts"), from the os-release
/// files the distributions ship: the fields that matter as each distribution writes them.
/// </summary>
public sealed class HostSupportTests
{
    private const string Glibc = "2.28";
    private const string Kernel = "4.18.0-553.lve.el8.x86_64";

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal)
    {
        ["cloudlinux 8"] = """
            NAME="CloudLinux"
            VERSION="8.9 (Anatoly Levchenko)"
            ID="cloudlinux"
            ID_LIKE="rhel fedora centos"
            VERSION_ID="8.9"
            PLATFORM_ID="platform:el8"
            PRETTY_NAME="CloudLinux 8.9 (Anatoly Levchenko)"
            ANSI_COLOR="0;31"
            HOME_URL="https://www.cloudlinux.com/"
            """,
        ["cloudlinux 9"] = """
            NAME="CloudLinux"
            VERSION="9.4"
            ID="cloudlinux"
            ID_LIKE="rhel fedora centos"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="CloudLinux 9.4"
            """,
        ["almalinux 8"] = """
            NAME="AlmaLinux"
            VERSION="8.10 (Cerulean Leopard)"
            ID="almalinux"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="8.10"
            PLATFORM_ID="platform:el8"
            PRETTY_NAME="AlmaLinux 8.10 (Cerulean Leopard)"
            """,
        ["almalinux 9"] = """
            NAME="AlmaLinux"
            VERSION="9.4 (Seafoam Ocelot)"
            ID="almalinux"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="AlmaLinux 9.4 (Seafoam Ocelot)"
            """,
        ["almalinux 10"] = """
            NAME="AlmaLinux"
            VERSION="10.0 (Purple Lion)"
            ID="almalinux"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="10.0"
            PLATFORM_ID="platform:el10"
            PRETTY_NAME="AlmaLinux 10.0 (Purple Lion)"
            """,
        ["rocky 8"] = """
            NAME="Rocky Linux"
            VERSION="8.10 (Green Obsidian)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="8.10"
            PLATFORM_ID="platform:el8"
            PRETTY_NAME="Rocky Linux 8.10 (Green Obsidian)"
            """,
        ["rocky 9"] = """
            NAME="Rocky Linux"
            VERSION="9.4 (Blue Onyx)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Rocky Linux 9.4 (Blue Onyx)"
            """,
        ["rocky 10"] = """
            NAME="Rocky Linux"
            VERSION="10.0 (Red Quartz)"
            ID="rocky"
            ID_LIKE="rhel centos fedora"
            VERSION_ID="10.0"
            PLATFORM_ID="platform:el10"
            PRETTY_NAME="Rocky Linux 10.0 (Red Quartz)"
            """,
        ["rhel 8"] = """
            NAME="Red Hat Enterprise Linux"
            VERSION="8.10 (Ootpa)"
            ID="rhel"
            ID_LIKE="fedora"
            VERSION_ID="8.10"
            PLATFORM_ID="platform:el8"
            PRETTY_NAME="Red Hat Enterprise Linux 8.10 (Ootpa)"
            """,
        ["rhel 9"] = """
            NAME="Red Hat Enterprise Linux"
            VERSION="9.4 (Plow)"
            ID="rhel"
            ID_LIKE="fedora"
            VERSION_ID="9.4"
            PLATFORM_ID="platform:el9"
            PRETTY_NAME="Red Hat Enterprise Linux 9.4 (Plow)"
            """,
        ["rhel 10"] = """
            NAME="Red Hat Enterprise Linux"
            VERSION="10.0 (Coughlan)"
            ID="rhel"
            ID_LIKE="centos fedora"
            VERSION_ID="10.0"
            PLATFORM_ID="platform:el10"
            PRETTY_NAME="Red Hat Enterprise Linux 10.0 (Coughlan)"
            """,
        ["debian 11"] = """
            PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"
            NAME="Debian GNU/Linux"
            VERSION_ID="11"
            VERSION="11 (bullseye)"
            VERSION_CODENAME=bullseye
            ID=debian
            HOME_URL="https://www.debian.org/"
            """,
        ["debian 12"] = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            VERSION_CODENAME=bookworm
            ID=debian
            HOME_URL="https://www.debian.org/"
            """,
        ["ubuntu 20.04"] = """
            NAME="Ubuntu"
            VERSION="20.04.6 LTS (Focal Fossa)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 20.04.6 LTS"
            VERSION_ID="20.04"
            VERSION_CODENAME=focal
            UBUNTU_CODENAME=focal
            """,
        ["ubuntu 22.04"] = """
            PRETTY_NAME="Ubuntu 22.04.4 LTS"
            NAME="Ubuntu"
            VERSION_ID="22.04"
            VERSION="22.04.4 LTS (Jammy Jellyfish)"
            VERSION_CODENAME=jammy
            ID=ubuntu
            ID_LIKE=debian
            UBUNTU_CODENAME=jammy
            """,
        ["ubuntu 24.04"] = """
            PRETTY_NAME="Ubuntu 24.04.1 LTS"
            NAME="Ubuntu"
            VERSION_ID="24.04"
            VERSION="24.04.1 LTS (Noble Numbat)"
            VERSION_CODENAME=noble
            ID=ubuntu
            ID_LIKE=debian
            UBUNTU_CODENAME=noble
            LOGO=ubuntu-logo
            """,
        ["cloudlinux 7"] = """
            NAME="CloudLinux"
            VERSION="7.9 (Boris Yegorov)"
            ID="cloudlinux"
            ID_LIKE="rhel fedora centos"
            VERSION_ID="7.9"
            PRETTY_NAME="CloudLinux 7.9 (Boris Yegorov)"
            """,
        ["centos 7"] = """
            NAME="CentOS Linux"
            VERSION="7 (Core)"
            ID="centos"
            ID_LIKE="rhel fedora"
            VERSION_ID="7"
            PRETTY_NAME="CentOS Linux 7 (Core)"
            CPE_NAME="cpe:/o:centos:centos:7"
            """,
        ["debian 10"] = """
            PRETTY_NAME="Debian GNU/Linux 10 (buster)"
            NAME="Debian GNU/Linux"
            VERSION_ID="10"
            VERSION="10 (buster)"
            VERSION_CODENAME=buster
            ID=debian
            """,
        ["debian testing"] = """
            PRETTY_NAME="Debian GNU/Linux trixie/sid"
            NAME="Debian GNU/Linux"
            VERSION_CODENAME=trixie
            ID=debian
            """,
        ["ubuntu 18.04"] = """
            NAME="Ubuntu"
            VERSION="18.04.6 LTS (Bionic Beaver)"
            ID=ubuntu
            ID_LIKE=debian
            PRETTY_NAME="Ubuntu 18.04.6 LTS"
            VERSION_ID="18.04"
            """,
        ["ubuntu 23.10"] = """
            PRETTY_NAME="Ubuntu 23.10"
            NAME="Ubuntu"
            VERSION_ID="23.10"
            VERSION="23.10 (Mantic Minotaur)"
            ID=ubuntu
            ID_LIKE=debian
            """,
        ["alpine"] = """
            NAME="Alpine Linux"
            ID=alpine
            VERSION_ID=3.19.1
            PRETTY_NAME="Alpine Linux v3.19"
            """,
    };

    public static TheoryData<string> SupportedHosts => new(Files.Keys.Where(k => k is not ("cloudlinux 7" or "centos 7" or "debian 10" or "debian testing" or "ubuntu 18.04" or "ubuntu 23.10" or "alpine")));

    public static TheoryData<string> OtherHosts => new("cloudlinux 7", "centos 7", "debian 10", "debian testing", "ubuntu 18.04", "ubuntu 23.10", "alpine");

    [Theory]
    [MemberData(nameof(SupportedHosts))]
    public void Every_distribution_of_the_table_is_supported(string host)
    {
        var support = HostSupport.Classify(OsRelease.Parse(Files[host]), cloudLinuxReleaseFile: false, Glibc, Kernel);

        Assert.Equal(HostSupportLevel.Supported, support.Level);
    }

    [Theory]
    [MemberData(nameof(OtherHosts))]
    public void A_distribution_outside_the_table_is_said_plainly_to_be_unsupported(string host)
    {
        var release = OsRelease.Parse(Files[host])!;

        var support = HostSupport.Classify(release, cloudLinuxReleaseFile: false, "2.36", "6.1.0-18-amd64");

        Assert.Equal(HostSupportLevel.NotSupported, support.Level);
        Assert.Contains("is not a host the integration supports", support.Reason, StringComparison.Ordinal);
        Assert.Contains($"ID={release.Id}", support.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloudlinux 8", "CloudLinux OS 8")]
    [InlineData("cloudlinux 9", "CloudLinux OS 9")]
    [InlineData("debian 11", "Debian GNU/Linux 11 (bullseye)")]
    [InlineData("ubuntu 22.04", "Ubuntu 22.04.4 LTS")]
    [InlineData("almalinux 10", "AlmaLinux 10.0 (Purple Lion)")]
    public void The_host_is_named_as_its_distribution_names_itself(string host, string name) =>
        Assert.Equal(name, HostSupport.Classify(OsRelease.Parse(Files[host]), cloudLinuxReleaseFile: false, Glibc, Kernel).Name);

    [Fact]
    public void CloudLinux_10_keeps_almalinux_os_release_and_is_told_by_its_release_file()
    {
        var support = HostSupport.Classify(OsRelease.Parse(Files["almalinux 10"]), cloudLinuxReleaseFile: true, "2.39", "6.12.0-55.el10.x86_64");

        Assert.Equal(HostSupportLevel.Supported, support.Level);
        Assert.Equal("CloudLinux OS 10 (on AlmaLinux 10.0)", support.Name);
    }

    [Theory]
    [InlineData("2.17")]
    [InlineData("2.27")]
    public void A_c_library_older_than_2_28_cannot_run_the_binaries_whatever_the_distribution(string glibc)
    {
        var support = HostSupport.Classify(OsRelease.Parse(Files["centos 7"]), cloudLinuxReleaseFile: false, glibc, "3.10.0-1160.el7.x86_64");

        Assert.Equal(HostSupportLevel.CannotRun, support.Level);
        Assert.Contains($"glibc {glibc} is older than 2.28", support.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kernel_older_than_cloudlinux_8s_is_not_supported() =>
        Assert.Equal(HostSupportLevel.NotSupported, HostSupport.Classify(OsRelease.Parse(Files["debian 11"]), cloudLinuxReleaseFile: false, "2.31", "4.9.0-13-amd64").Level);

    [Fact]
    public void A_host_without_os_release_is_unknown() =>
        Assert.Equal(HostSupportLevel.Unknown, HostSupport.Classify(null, cloudLinuxReleaseFile: false, Glibc, Kernel).Level);

    [Fact]
    public void Os_release_values_are_read_bare_single_or_double_quoted_with_escapes()
    {
        var release = OsRelease.Parse("# comment\nID='debian'\nVERSION_ID=\"11\"\nPRETTY_NAME=\"A \\\"quoted\\\" \\$name\"\n")!;

        Assert.Equal("debian", release.Id);
        Assert.Equal("11", release.VersionId);
        Assert.Equal(11, release.Major);
        Assert.Equal("A \"quoted\" $name", release.PrettyName);
        Assert.Null(OsRelease.Parse("NAME=nothing\n"));
    }
}
