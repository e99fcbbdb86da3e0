using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The panel's native PHP in PHP Selector's <c>/etc/cl.selector/native.conf</c> (docs/install.md):
/// written by install, rewritten when the PHP versions change it, left alone otherwise, and
/// cagefsctl never run on a folder standing for /.
/// </summary>
public sealed class PhpSelectorTests
{
    private const string EaPhp = "php=/opt/cpanel/ea-php82/root/usr/bin/php-cgi\nphp-cli=/opt/cpanel/ea-php82/root/usr/bin/php\nphp.ini=/opt/cpanel/ea-php82/root/etc/php.ini\n";

    [Fact]
    public void Native_conf_is_written_rewritten_on_php_changes_and_left_alone_when_unchanged()
    {
        using var install = TempInstall.Create(users: 2);
        var conf = Path.Combine(install.Root, "etc/cl.selector/native.conf");
        var marker = Path.Combine(install.Dir, "cagefsctl-ran");
        var tool = Path.Combine(install.Root, "usr/sbin/cagefsctl");
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, $"#!/bin/sh\necho \"$@\" >> {marker}\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);

        Assert.Equal(EaPhp, File.ReadAllText(conf));
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(conf));

        // A PHP version that is not native changes nothing: not even the file's time.
        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(conf, past);
        install.Checked("settings", "php", "add", "alt-php84", "--version", "8.4", "--dir", "/opt/alt/php84", "--native", "false");
        Assert.Equal(past, File.GetLastWriteTimeUtc(conf));

        // A native version that sorts first takes its place; removing it brings the other back.
        install.Checked("settings", "php", "add", "aa-php81", "--version", "8.1", "--dir", "/opt/aa/php81", "--native", "true");
        Assert.Equal("php=/opt/aa/php81/usr/bin/php-cgi\nphp-cli=/opt/aa/php81/usr/bin/php\nphp.ini=/opt/aa/php81/etc/php.ini\n", File.ReadAllText(conf));
        install.Checked("settings", "php", "delete", "aa-php81");
        Assert.Equal(EaPhp, File.ReadAllText(conf));

        var again = Run.Checked(Repo.Binary, ["install", "--root", install.Root, "--store", install.Store]);
        Assert.Contains($"ok      file {conf} 0644", again);
        Assert.Contains("ok      apply native.conf", again);
        Assert.False(File.Exists(marker), "cagefsctl ran on a test root");
    }

    [Fact]
    public void Without_a_native_php_the_file_waits_for_one_and_uninstall_removes_what_was_written_later()
    {
        using var host = TempHost.Create();
        host.ChangeStore("UPDATE php_versions SET is_native = 0");
        host.InstallChecked();
        var conf = host.Path("etc/cl.selector/native.conf");
        Assert.False(File.Exists(conf));

        Run.Checked(host.Path("opt/cpvendor/bin/cpvendor"), "settings", "php", "add", "aa-php81", "--version", "8.1", "--dir", "/opt/aa/php81", "--native", "true");
        Assert.Equal("php=/opt/aa/php81/usr/bin/php-cgi\nphp-cli=/opt/aa/php81/usr/bin/php\nphp.ini=/opt/aa/php81/etc/php.ini\n", File.ReadAllText(conf));
        Assert.Contains($"ok      file {conf} 0644", host.InstallChecked().Stdout);

        Assert.Equal(0, host.Uninstall().ExitCode);
        Assert.False(Directory.Exists(host.Path("etc/cl.selector")));
    }
}
