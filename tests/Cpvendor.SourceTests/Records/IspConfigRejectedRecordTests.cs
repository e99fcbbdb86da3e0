using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.IspConfig;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.Records;

/// <summary>
/// docs/contract.md section 8 over ISPConfig's tables: a child domain the contract cannot carry is
/// rejected alone while a deletion and a new website are applied, a contact with a display name
/// yields its address, and a reseller whose name the contract cannot carry holds back its clients.
/// </summary>
public sealed class IspConfigRejectedRecordTests
{
    [Fact]
    public void A_bad_child_domain_blocks_neither_a_deletion_nor_a_new_website()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        web1.SyncChecked();
        var hooks = new RecordingHooks(web1);

        panel.Change("web_domain", IspConfigPanel.Web1, "UPDATE web_domain SET domain = 'blog_new.alice.example' WHERE domain_id = 20");
        panel.Change("client", 0, "UPDATE client SET email = 'Bob Builder <bob@builder.example>' WHERE client_id = 4");
        panel.Change("web_domain", IspConfigPanel.Web1, "DELETE FROM web_domain WHERE domain_id = 12");
        panel.Change("web_domain", IspConfigPanel.Web1, panel.Site(14, IspConfigPanel.Web1, "new.example", "vhost", 0, "/var/www/clients/client0/web5", null, "web5", 1, "php-fpm", 1));
        IspConfigHost.AppendPasswd(web1, "web5:x:5005:5003::/var/www/clients/client0/web5:/bin/false");
        var sync = web1.Sync();

        RejectionReport.Everywhere(web1, sync, "web_domain blog_new.alice.example (domain_id 20): invalid domain name 'blog_new.alice.example'");
        Assert.Equal(
            [
                "pre_modify_user.py delete --username web3",
                "post_modify_user.py delete --username web3",
                "post_modify_user.py create --username web5 --owner admin",
            ],
            hooks.Lines());
        var domains = Envelope.Of(web1.Cpapi("domains")).Data;
        Assert.Equal("web1", domains.GetProperty("blog.alice.example").GetProperty("owner").GetString());
        Assert.False(domains.TryGetProperty("blog_new.alice.example", out _));
        Assert.True(domains.TryGetProperty("new.example", out _));
        Assert.Equal("bob@builder.example", Envelope.Of(web1.Cpapi("users", "--username", "web2")).Data[0].GetProperty("email").GetString());

        panel.Change("web_domain", IspConfigPanel.Web1, "UPDATE web_domain SET domain = 'blog-new.alice.example' WHERE domain_id = 20");
        web1.SyncChecked();
        Assert.Equal("post_modify_domain.py modify -u web1 --domain blog.alice.example --new-domain blog-new.alice.example", hooks.Lines()[^1]);
        RejectionReport.None(web1);
    }

    [Fact]
    public void A_reseller_renamed_to_a_name_the_contract_cannot_carry_holds_back_its_clients()
    {
        using var panel = IspConfigPanel.Create(IspConfigVersion.V32);
        using var web1 = IspConfigHost.Create(panel, IspConfigPanel.Web1, IspConfigPanel.Passwd[IspConfigPanel.Web1]);
        web1.SyncChecked();
        var hooks = new RecordingHooks(web1);
        var alice = Envelope.Of(web1.Cpapi("users", "--username", "web1")).Run.Stdout;

        panel.Change("client", 0, "UPDATE client SET username = 'reseller A' WHERE client_id = 1");
        panel.Change("client", 0, "UPDATE client SET email = 'new@alice.example' WHERE client_id = 3");
        panel.Change("client", 0, "UPDATE client SET email = 'new@bob.example' WHERE client_id = 4");
        var sync = web1.Sync();

        RejectionReport.Everywhere(web1, sync,
            "client reseller A: invalid reseller name 'reseller A'",
            "web_domain web1 (account_id 10): its reseller 'reseller A' is not accepted (its last accepted version is served)");
        Assert.Equal(alice, Envelope.Of(web1.Cpapi("users", "--username", "web1")).Run.Stdout);
        Assert.Contains("\"resellerA\"", web1.Cpapi("resellers").Stdout, StringComparison.Ordinal);
        Assert.Contains("new@bob.example", web1.Cpapi("users", "--username", "web2").Stdout, StringComparison.Ordinal);
        Assert.Empty(hooks.Lines());

        panel.Change("client", 0, "UPDATE client SET username = 'resellerA2' WHERE client_id = 1");
        web1.SyncChecked();
        Assert.Contains("new@alice.example", web1.Cpapi("users", "--username", "web1").Stdout, StringComparison.Ordinal);
        Assert.Contains("post_modify_user.py modify -u web1 --new-owner resellerA2", hooks.Lines());
        RejectionReport.None(web1);
    }
}
