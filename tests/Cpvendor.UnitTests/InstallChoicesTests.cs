using Cpvendor.Host;
using Cpvendor.Host.Choices;

namespace Cpvendor.UnitTests;

/// <summary>How the options given to an install combine with those the last install recorded.</summary>
public sealed class InstallChoicesTests
{
    private static readonly InstallChoices Recorded = InstallChoices.Of(new InstallOptions("/", "/var/lib/cpvendor/panel.db", "paneladm")
    {
        Privileged = PrivilegedMode.Sudo,
        SystemUsers = ["panelsvc", "mailsvc"],
        PersonalMounts = ["/var/lib/php/session"],
        ServicePort = 9100,
        AllowDuplicateUids = true,
        Lvemanager = new LvemanagerChoice("/srv/lvemanager", LvemanagerService.Https, "/etc/pki/c.pem", "/etc/pki/k.pem"),
    });

    [Fact]
    public void Nothing_given_keeps_every_recorded_option()
    {
        var options = new InstallChoices().Over(Recorded).ToOptions("/", "/var/lib/cpvendor/panel.db", null);

        Assert.Equal(PrivilegedMode.Sudo, options.Privileged);
        Assert.Equal("paneladm", options.AdminGroup);
        Assert.Equal(["panelsvc", "mailsvc"], options.SystemUsers);
        Assert.Equal(["/var/lib/php/session"], options.PersonalMounts);
        Assert.Equal(9100, options.ServicePort);
        Assert.True(options.AllowDuplicateUids);
        Assert.Equal(new LvemanagerChoice("/srv/lvemanager", LvemanagerService.Https, "/etc/pki/c.pem", "/etc/pki/k.pem"), options.Lvemanager);
    }

    [Fact]
    public void A_negation_given_again_wins_and_a_list_given_again_replaces_the_whole_list()
    {
        var given = new InstallChoices { Privileged = "none", AllowDuplicateUids = false, SystemUsers = ["other"] };

        var options = given.Over(Recorded).ToOptions("/", "/s.db", null);

        Assert.Equal(PrivilegedMode.None, options.Privileged);
        Assert.False(options.AllowDuplicateUids);
        Assert.Equal(["other"], options.SystemUsers);
        Assert.Equal(["/var/lib/php/session"], options.PersonalMounts);
    }

    [Fact]
    public void A_service_without_tls_drops_the_recorded_certificate_and_key()
    {
        var options = new InstallChoices { LvemanagerService = "none" }.Over(Recorded).ToOptions("/", "/s.db", null);

        Assert.Equal(new LvemanagerChoice("/srv/lvemanager", LvemanagerService.None), options.Lvemanager);
        options.Lvemanager.Validate();
    }

    [Fact]
    public void With_nothing_recorded_the_defaults_apply()
    {
        var options = new InstallChoices().ToOptions("/", "/s.db", null);

        Assert.Equal(new InstallOptions("/", "/s.db") { Lvemanager = new() }.ServicePort, options.ServicePort);
        Assert.Equal(PrivilegedMode.None, options.Privileged);
        Assert.Equal(LvemanagerService.Http, options.Lvemanager.Service);
        Assert.Empty(options.SystemUsers);
    }
}
