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

        // A version added as native takes its place.
        install.Checked("settings", "php", "add", "aa-php81", "--version", "8.1", "--dir", "/opt/aa/php81", "--native", "true");
        Assert.Equal("php=/opt/aa/php81/usr/bin/php-cgi\nphp-cli=/opt/aa/php81/usr/bin/php\nphp.ini=/opt/aa/php81/etc/php.ini\n", File.ReadAllText(conf));

        var again = Run.Checked(Repo.Binary, ["install", "--root", install.Root, "--store", install.Store]);
        Assert.Contains($"ok      file {conf} 0644", again);
        Assert.Contains("ok      apply native.conf", again);
        Assert.False(File.Exists(marker), "cagefsctl ran on a test root");
    }

    [Fact]
    public void The_newest_native_choice_wins_even_where_it_sorts_last_and_the_others_lose_the_mark()
    {
        using var install = TempInstall.Create(users: 2);
        var conf = Path.Combine(install.Root, "etc/cl.selector/native.conf");
        Assert.Equal(EaPhp, File.ReadAllText(conf));

        // zz sorts after ea and is not the default: only the newest explicit choice puts it first.
        var added = install.Checked("settings", "php", "add", "zz-php83", "--version", "8.3", "--dir", "/opt/zz/php83", "--native", "true");

        Assert.Contains("now the native PHP", added);
        Assert.Equal("php=/opt/zz/php83/usr/bin/php-cgi\nphp-cli=/opt/zz/php83/usr/bin/php\nphp.ini=/opt/zz/php83/etc/php.ini\n", File.ReadAllText(conf));
        Assert.Equal("zz-php83", StoreCheck.Scalar(install.Store, "SELECT group_concat(identifier) FROM php_versions WHERE is_native = 1"));
    }

    [Fact]
    public void Removing_the_only_native_php_removes_native_conf_and_applies_the_removal()
    {
        using var install = TempInstall.Create(users: 2);
        var conf = Path.Combine(install.Root, "etc/cl.selector/native.conf");
        var tool = Path.Combine(install.Root, "usr/sbin/cagefsctl");
        Directory.CreateDirectory(Path.GetDirectoryName(tool)!);
        File.WriteAllText(tool, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);
        install.Checked("settings", "php", "add", "zz-php83", "--version", "8.3", "--dir", "/opt/zz/php83", "--native", "true");
        Assert.True(File.Exists(conf));

        install.Checked("settings", "php", "delete", "zz-php83");

        Assert.False(File.Exists(conf), "native.conf still names a PHP the panel no longer has");
        Assert.Contains("native.conf: removed native.conf (no PHP version is native); not run on a folder standing for /: ", File.ReadAllText(install.Config.HookLog));
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
