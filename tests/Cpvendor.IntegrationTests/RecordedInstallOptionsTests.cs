using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// Every install starts from the options the last one recorded in its manifest, option by option
/// (docs/install.md "Later installs and upgrades"): a plain install, as the RPM's scriptlet runs it,
/// keeps the host as it was set up; an option given again, its negation included, changes only itself.
/// </summary>
public sealed class RecordedInstallOptionsTests
{
    [Fact]
    public void A_plain_install_after_a_sudo_install_keeps_sudo_mode_and_every_other_option()
    {
        using var host = TempHost.Create();
        host.Plant("etc/cagefs/cagefs.mp", "/opt\n");
        host.InstallChecked("--privileged=sudo", "--system-user", "panelsvc", "--cagefs-personal-mount", "/var/lib/php/session", "--service-port", "9100");
        var installed = TreeSnapshot.Of(host.Root, host.Store, host.Secret);

        var plain = host.InstallChecked();

        Assert.Contains("already up to date", plain.Stdout);
        TreeSnapshot.Of(host.Root, host.Store, host.Secret).AssertSameAs(installed, withTimes: true);
        Assert.Contains("panel_info = " + host.Path("opt/cpvendor/bin/cpvendor-privileged") + " cpapi panel_info", Ini(host));
    }

    [Fact]
    public void An_option_given_again_replaces_only_itself_and_its_negation_turns_it_off()
    {
        using var host = TempHost.Create();
        host.Plant("etc/cagefs/cagefs.mp", "/opt\n");
        host.InstallChecked("--privileged=sudo", "--service-port", "9100", "--system-user", "olduser");

        host.InstallChecked("--system-user", "newuser");
        var exclude = File.ReadAllText(host.Path("etc/cagefs/exclude/cpvendor"));
        Assert.Contains("newuser\n", exclude);
        Assert.DoesNotContain("olduser", exclude);
        Assert.Contains("\nservice_port = 9100\n", Ini(host));
        Assert.Contains("cpvendor-privileged cpapi users", Ini(host));

        host.InstallChecked("--privileged=none");
        Assert.Contains("users = " + host.Path("opt/cpvendor/bin/cpvendor-cpapi") + " users", Ini(host));
        Assert.Contains("\nservice_port = 9100\n", Ini(host));

        var again = host.InstallChecked();
        Assert.Contains("already up to date", again.Stdout);
        Assert.DoesNotContain("cpvendor-privileged", Ini(host));
    }

    [Fact]
    public void From_defaults_forgets_what_was_recorded()
    {
        using var host = TempHost.Create();
        host.InstallChecked("--service-port", "9100");

        host.InstallChecked("--from-defaults");

        Assert.Contains("\nservice_port = 9000\n", Ini(host));
    }

    [Fact]
    public void Lve_manager_choices_are_written_kept_and_checked_by_the_doctor()
    {
        using var host = TempHost.Create();
        host.InstallChecked(
            "--lvemanager-base-path", "/var/www/html/lvemanager", "--lvemanager-service", "https",
            "--lvemanager-ssl-cert", "/etc/pki/lvemanager.crt", "--lvemanager-ssl-key", "/etc/pki/lvemanager.key",
            "--lvemanager-vendor-php", "/usr/local/panel/lvemanager/vendor.php");

        var ini = Ini(host);
        Assert.Contains($"\nbase_path = {host.Path("var/www/html/lvemanager")}\nrun_service = 1\nservice_port = 9000\nuse_ssl = 1\n", ini);
        Assert.Contains($"\nssl_cert = {host.Path("etc/pki/lvemanager.crt")}\nssl_key = {host.Path("etc/pki/lvemanager.key")}\n", ini);
        Assert.Contains($"\nvendor_php = {host.Path("usr/local/panel/lvemanager/vendor.php")}\n", ini);
        Assert.True(Directory.Exists(host.Path("var/www/html/lvemanager")));

        // The certificate, key and vendor_php do not exist yet: the doctor says so.
        Assert.Equal("error", Severity(host, "LVE Manager settings point at real files"));
        host.Plant("etc/pki/lvemanager.crt", "cert\n");
        host.Plant("etc/pki/lvemanager.key", "key\n", 0b110_000_000);
        var vendor = host.Plant("usr/local/panel/lvemanager/vendor.php", "<?php\n");
        Assert.Equal("ok", Severity(host, "LVE Manager settings point at real files"));
        File.SetUnixFileMode(vendor, (UnixFileMode)0b110_110_110);
        Assert.Equal("error", Severity(host, "LVE Manager settings point at real files"));
        File.SetUnixFileMode(vendor, (UnixFileMode)0b110_100_100);
        File.Move(vendor, vendor + ".real");
        File.CreateSymbolicLink(vendor, vendor + ".real");
        Assert.Equal("error", Severity(host, "LVE Manager settings point at real files"));

        Assert.Contains("already up to date", host.InstallChecked().Stdout);

        host.InstallChecked("--lvemanager-service", "none");
        ini = Ini(host);
        Assert.Contains("\nrun_service = 0\n", ini);
        Assert.DoesNotContain("service_port", ini);
        Assert.DoesNotContain("ssl_cert", ini);
        Assert.Contains("vendor_php = ", ini);
    }

    [Fact]
    public void Https_without_a_certificate_is_refused_before_anything_is_written()
    {
        using var host = TempHost.Create();

        var run = host.Install("--lvemanager-service", "https");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--lvemanager-ssl-cert", run.Stderr);
        Assert.False(File.Exists(host.Path("opt/cpvendor/etc/integration.ini")));
    }

    private static string Ini(TempHost host) => File.ReadAllText(host.Path("opt/cpvendor/etc/integration.ini"));

    private static string Severity(TempHost host, string check)
    {
        var run = host.Doctor("--format", "json");
        using var document = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("check").GetString() == check).ToList();
        Assert.Single(findings);
        return findings[0].GetProperty("severity").GetString()!;
    }
}
