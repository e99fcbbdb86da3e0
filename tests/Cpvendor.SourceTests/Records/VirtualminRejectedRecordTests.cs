using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Virtualmin;

namespace Cpvendor.SourceTests.Records;

/// <summary>
/// docs/contract.md section 8 over Virtualmin's files: a sub-server name the contract cannot carry
/// (Virtualmin accepts '_') is rejected alone while the rest of the panel is applied, a contact with
/// a display name yields its address, a plan that cannot be read holds back its accounts, and a
/// newcomer never takes a domain name a served record holds.
/// </summary>
public sealed class VirtualminRejectedRecordTests
{
    private const string Alice = "1764590001100001";
    private const string BobBlog = "1764590005100005";
    private const string Carol = "1764590006100006";

    [Fact]
    public void A_sub_server_named_with_an_underscore_blocks_neither_a_deletion_nor_a_new_account()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var install = host.Install;
        host.Files.SubServer("1764590009100009", Alice, "my_shop.alice.test");
        host.Files.Modify(BobBlog, ("dom", "blog_new.bob.test"));
        host.Files.Modify("1764590004100004", ("email", "Bob Builder <bob@builder.test>"));
        host.Files.Delete(Carol);
        host.Files.UnixUser("dave", 50004);
        host.Files.TopLevel("1764590007100007", "dave.test", "dave", 50004);
        host.Files.Modify("1764590007100007", ("email", "\"Owner, Site\" <owner@dave.test>"));

        var sync = install.Command("sync");

        RejectionReport.Everywhere(install, sync,
            "virtualmin domains blog_new.bob.test (domain_id 1764590005100005): invalid domain name 'blog_new.bob.test'",
            "virtualmin domains my_shop.alice.test (domain_id 1764590009100009): invalid domain name");
        Assert.Contains("(not served until it is accepted)", sync.Stderr, StringComparison.Ordinal);
        Assert.Equal(
            [
                "pre_modify_user.py delete --username carol",
                "post_modify_user.py delete --username carol",
                "post_modify_user.py create --username dave --owner root",
            ],
            host.Hooks.Lines());
        var domains = Envelope.Of(install.Cpapi("domains")).Data;
        Assert.True(domains.TryGetProperty("blog.bob.test", out _));
        Assert.False(domains.TryGetProperty("my_shop.alice.test", out _));
        Assert.False(domains.TryGetProperty("carol.test", out _));
        Assert.True(domains.TryGetProperty("dave.test", out _));
        Assert.Equal("bob@builder.test", Envelope.Of(install.Cpapi("users", "--username", "bob")).Data[0].GetProperty("email").GetString());
        Assert.Equal("owner@dave.test", Envelope.Of(install.Cpapi("users", "--username", "dave")).Data[0].GetProperty("email").GetString());

        // Renamed in Virtualmin to names the contract carries, both are applied with their hooks.
        host.Files.Modify(BobBlog, ("dom", "blog-new.bob.test"));
        host.Files.Modify("1764590009100009", ("dom", "myshop.alice.test"));
        install.Checked("sync");
        Assert.Equal("post_modify_domain.py modify -u bob --domain blog.bob.test --new-domain blog-new.bob.test", host.Hooks.Lines()[^1]);
        Assert.True(Envelope.Of(install.Cpapi("domains")).Data.TryGetProperty("myshop.alice.test", out _));
        RejectionReport.None(install);
    }

    [Fact]
    public void A_plan_without_a_name_holds_back_its_accounts_on_their_last_version()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var install = host.Install;
        var alice = Envelope.Of(install.Cpapi("users", "--username", "alice")).Run.Stdout;
        File.WriteAllText(Path.Combine(host.Files.PlansDir, "101"), "id=101\nname=\nowner=\n");
        host.Files.Modify(Alice, ("email", "new@alice.test"));
        host.Files.Modify("1764590004100004", ("email", "new@bob.test"));

        var sync = install.Command("sync");

        RejectionReport.Everywhere(install, sync,
            "virtualmin domains 1764590001100001: its plan 101 is not accepted (its last accepted version is served)",
            "virtualmin plans 101: has no name");
        Assert.Equal(alice, Envelope.Of(install.Cpapi("users", "--username", "alice")).Run.Stdout);
        Assert.Contains("new@bob.test", install.Cpapi("users", "--username", "bob").Stdout, StringComparison.Ordinal);
        Assert.Contains("\"Basic\"", install.Cpapi("packages").Stdout, StringComparison.Ordinal);
        Assert.Empty(host.Hooks.Lines());

        host.Files.Plan("101", "Basic");
        install.Checked("sync");
        Assert.Contains("new@alice.test", install.Cpapi("users", "--username", "alice").Stdout, StringComparison.Ordinal);
        RejectionReport.None(install);
    }

    [Fact]
    public void A_new_server_never_takes_the_domain_name_a_served_one_holds()
    {
        using var host = VirtualminHost.Create(VirtualminHost.Standard);
        var install = host.Install;
        host.Files.UnixUser("eve", 50005);
        host.Files.TopLevel("1764590010100010", "bob.test", "eve", 50005);

        var sync = install.Command("sync");

        RejectionReport.Everywhere(install, sync,
            "virtualmin domains bob.test (domain_id 1764590010100010): domain name 'bob.test' is also claimed by bob.test (domain_id 1764590004100004); bob.test (domain_id 1764590004100004), already served with it, keeps it");
        Assert.Equal("bob", Envelope.Of(install.Cpapi("domains", "--name", "bob.test")).Data.GetProperty("bob.test").GetProperty("owner").GetString());
        // The account itself is accepted: only its domain waits.
        Assert.Equal(["post_modify_user.py create --username eve --owner root"], host.Hooks.Lines());
    }
}
