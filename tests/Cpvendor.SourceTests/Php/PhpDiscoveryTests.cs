using System.Text;
using Cpvendor.Sources.Php;

namespace Cpvendor.SourceTests.Php;

/// <summary>
/// The PHP builds a host has, found in fake trees laid out as each family's packages lay them out,
/// under throw-away roots; and the tree read as hostile (links out of the root, link loops).
/// </summary>
public sealed class PhpDiscoveryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cpvendor-php-").FullName;

    [Fact]
    public void Every_family_of_builds_is_found_with_the_contract_fields_of_its_layout()
    {
        File("/opt/alt/php82/usr/bin/php");
        File("/opt/alt/php82/usr/sbin/php-fpm");
        File("/opt/alt/php-internal/usr/bin/php");
        File("/opt/cpanel/ea-php81/root/usr/bin/php");
        File("/opt/remi/php74/root/usr/bin/php");
        File("/opt/remi/php74/root/usr/sbin/php-fpm");
        // Debian: 8.2 with FPM (the default, through the alternatives link), 8.3 from the third-party repository as CGI only.
        File("/usr/bin/php8.2");
        File("/usr/sbin/php-fpm8.2");
        File("/usr/bin/php-cgi8.3");
        Link("/etc/alternatives/php", "/usr/bin/php8.2");
        Link("/usr/bin/php", "/etc/alternatives/php");

        var found = PhpDiscovery.Discover(root);

        Assert.Equal(
            [
                "alt-php82 8.2 /opt/alt/php82/usr/lib64/php/modules /opt/alt/php82 /opt/alt/php82/usr/bin/php /opt/alt/php82/etc/php.ini /opt/alt/php82/link/conf False alt-php82-fpm",
                "ea-php81 8.1 /opt/cpanel/ea-php81/root/usr/lib64/php/modules /opt/cpanel/ea-php81/root /opt/cpanel/ea-php81/root/usr/bin/php /opt/cpanel/ea-php81/root/etc/php.ini /opt/cpanel/ea-php81/root/etc/php.d False -",
                "os-php82 8.2 /usr/lib/php/20220829 /usr /usr/bin/php8.2 /etc/php/8.2/fpm/php.ini /etc/php/8.2/fpm/conf.d True php8.2-fpm",
                "os-php83 8.3 /usr/lib/php/20230831 /usr /usr/bin/php8.3 /etc/php/8.3/cgi/php.ini /etc/php/8.3/cgi/conf.d False -",
                "remi-php74 7.4 /opt/remi/php74/root/usr/lib64/php/modules /opt/remi/php74/root /opt/remi/php74/root/usr/bin/php /etc/opt/remi/php74/php.ini /etc/opt/remi/php74/php.d False php74-php-fpm",
            ],
            found.Builds.Select(b => $"{b.Identifier} {b.Version} {b.ModulesDir} {b.Dir} {b.Bin} {b.Ini} {b.IniScanDir} {b.IsNative} {b.FpmService ?? "-"}"));
        Assert.Equal("os-php82", found.Native);
    }

    [Fact]
    public void The_el_php_version_comes_from_the_module_api_number_in_its_binary()
    {
        // A binary whose build id straddles the 1 MB pieces it is read in.
        var bytes = new byte[(1 << 20) + 4096];
        var id = Encoding.ASCII.GetBytes("API20230831,NTS");
        id.CopyTo(bytes, (1 << 20) - 6);
        File("/usr/bin/php", bytes);
        File("/usr/sbin/php-fpm");

        var found = PhpDiscovery.Discover(root);

        var build = Assert.Single(found.Builds);
        Assert.Equal(("os-php83", "8.3", "/usr/bin/php", "/etc/php.ini", "/usr/lib64/php/modules", "php-fpm"), (build.Identifier, build.Version, build.Bin, build.Ini, build.ModulesDir, build.FpmService));
        Assert.Equal("os-php83", found.Native);
    }

    [Fact]
    public void Links_that_leave_the_root_and_link_loops_are_not_followed()
    {
        var outside = Directory.CreateTempSubdirectory("cpvendor-php-outside-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(outside, "php74/usr/bin"));
            System.IO.File.WriteAllText(Path.Combine(outside, "php74/usr/bin/php"), "");
            Directory.CreateDirectory(Path.Combine(root, "opt"));
            // /opt/alt points outside the root by a relative path that climbs above it.
            Link("/opt/alt", "../../../../../../../../" + outside.TrimStart('/'));
            // /opt/remi points at the real host's folder by an absolute path: read inside the root, where it is not.
            System.IO.Directory.CreateSymbolicLink(Path.Combine(root, "opt/remi"), outside);
            // A loop.
            Link("/usr/bin/php", "/usr/bin/php-loop");
            Link("/usr/bin/php-loop", "/usr/bin/php");
            File("/opt/cpanel/ea-php80/root/usr/bin/php");

            var found = PhpDiscovery.Discover(root);

            Assert.Equal(["ea-php80"], found.Builds.Select(b => b.Identifier));
            Assert.Null(found.Native);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public void A_version_whose_module_api_number_is_unknown_is_not_invented()
    {
        File("/usr/bin/php9.9");
        File("/usr/bin/php8.1");

        Assert.Equal(["os-php81"], PhpDiscovery.Discover(root).Builds.Select(b => b.Identifier));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void File(string hostPath, byte[]? bytes = null)
    {
        var path = root + hostPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes ?? []);
    }

    private void Link(string hostPath, string target)
    {
        var path = root + hostPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.CreateSymbolicLink(path, target);
    }
}
