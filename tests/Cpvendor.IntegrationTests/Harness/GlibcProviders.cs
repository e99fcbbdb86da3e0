using System.Globalization;
using System.Text.RegularExpressions;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A stand-in for a host's C library in a scratch rpm database: a package named glibc that owns no
/// file and provides what glibc of a given version provides on x86-64 (each library's soname and its
/// symbol versions up to that release, <c>rtld(GNU_HASH)</c>), and what every such host has beside
/// it: <c>/bin/sh</c> for the scriptlets and <c>openssl-libs</c>.
/// rpm then judges a package's Requires against it as it would on such a host.
/// </summary>
public static partial class GlibcProviders
{
    private static readonly string[] Libraries = ["libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1", "ld-linux-x86-64.so.2"];

    /// <summary>The version of a requirement such as <c>libc.so.6(GLIBC_2.17)(64bit)</c>.</summary>
    public static Version VersionOf(string requirement)
    {
        var match = GlibcVersion().Match(requirement);
        Assert.True(match.Success, $"no glibc version in {requirement}");
        var parts = match.Groups[1].Value.Split('.').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return parts.Length == 2 ? new Version(parts[0], parts[1]) : new Version(parts[0], parts[1], parts[2]);
    }

    /// <summary>Whether a requirement is one of glibc's libraries (any version), OpenSSL's, rpm's own, or the package's own config files.</summary>
    public static bool IsGlibcOrRpm(string requirement) =>
        requirement.StartsWith("rpmlib(", StringComparison.Ordinal) || requirement.StartsWith("config(cpvendor) = ", StringComparison.Ordinal)
        || requirement is "/bin/sh" or "rtld(GNU_HASH)" or "openssl-libs"
        || Libraries.Any(l => requirement.StartsWith(l + "(", StringComparison.Ordinal));

    /// <summary>Builds the stand-in package for glibc <paramref name="version"/> into <paramref name="dir"/>.</summary>
    public static string Build(string dir, Version version)
    {
        Directory.CreateDirectory(dir);
        var provides = new List<string> { "rtld(GNU_HASH)", "/bin/sh", "openssl-libs" };
        foreach (var library in Libraries)
        {
            provides.Add($"{library}()(64bit)");
            provides.AddRange(Versions(version).Select(v => $"{library}(GLIBC_{v})(64bit)"));
        }

        var spec = Path.Combine(dir, "glibc.spec");
        File.WriteAllText(spec, $"""
            Name: glibc
            Version: {version}
            Release: 1
            Summary: stand-in for the C library of a host
            License: none
            BuildArch: x86_64
            {string.Join("\n", provides.Select(p => "Provides: " + p))}
            %description
            stand-in
            %files
            """.Replace("\n            ", "\n", StringComparison.Ordinal));
        Run.Checked("/usr/bin/rpmbuild", "-bb", spec, "--quiet", "--define", $"_topdir {dir}/build", "--define", $"_rpmdir {dir}", "--define", "_build_name_fmt glibc.rpm");
        return Path.Combine(dir, "glibc.rpm");
    }

    /// <summary>
    /// Puts the stand-in into a new scratch database under <paramref name="root"/> (database only, no
    /// file, no scriptlet), then tries <paramref name="package"/> the same way: rpm's dependency check decides.
    /// </summary>
    public static RunResult InstallInto(string root, string glibc, string package)
    {
        Directory.CreateDirectory(root);
        string[] rpm = ["--root", root, "--dbpath", "/var/lib/rpm", "--justdb", "--noscripts"];
        Run.Checked("/usr/bin/rpm", "--root", root, "--dbpath", "/var/lib/rpm", "--initdb");
        Run.Checked("/usr/bin/rpm", [.. rpm, "-i", glibc]);
        return Run.Program("/usr/bin/rpm", [.. rpm, "-i", package]);
    }

    /// <summary>The symbol version nodes of glibc on x86-64 up to <paramref name="last"/>: 2.2.5 onwards.</summary>
    private static IEnumerable<string> Versions(Version last)
    {
        string[] early = ["2.2.5", "2.2.6", "2.3", "2.3.2", "2.3.3", "2.3.4"];
        return early.Concat(Enumerable.Range(4, last.Minor - 3).Select(m => $"2.{m}"));
    }

    [GeneratedRegex(@"\(GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)\)")]
    private static partial Regex GlibcVersion();
}
