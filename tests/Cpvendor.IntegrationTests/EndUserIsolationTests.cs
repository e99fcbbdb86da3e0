using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md sections 1 and 6 with real UNIX users: the caller is who the kernel says; an end user
/// gets panel_info and their own domains, nothing else, and cannot tell a foreign user or domain that
/// exists from one that does not.
/// </summary>
public sealed class EndUserIsolationTests(UsersInstall env) : IClassFixture<UsersInstall>
{
    private KnownPanel Panel => env.Panel;

    private Envelope As(RunAs user, params string[] args) => Envelope.Of(env.Install.Cpapi(user, args));

    [Theory]
    [InlineData]
    [InlineData("--owner=kpalice")]
    [InlineData("-o", "kpalice")]
    [InlineData("-okpalice")]
    public void An_end_user_gets_only_their_own_domains(params string[] args)
    {
        var envelope = As(env.Alice, ["domains", .. args]).Is("ok");

        Assert.Equal(Expected.Canonical(Expected.Domains(Panel, d => d.Owner == "kpalice")), Expected.Canonical(envelope.Data));
    }

    [Fact]
    public void An_end_user_gets_php_details_of_their_own_domains()
    {
        var envelope = As(env.Alice, "domains", "--with-php").Is("ok");

        Assert.Equal(Expected.Canonical(Expected.Domains(Panel, d => d.Owner == "kpalice", withPhp: true)), Expected.Canonical(envelope.Data));
    }

    [Theory]
    [InlineData("--name=blog.kpalice.com")]
    [InlineData("-n", "blog.kpalice.com", "--with-php")]
    public void An_end_user_may_name_one_of_their_domains(params string[] args)
    {
        var envelope = As(env.Alice, ["domains", .. args]).Is("ok");

        Assert.Equal(
            Expected.Canonical(Expected.Domains(Panel, d => d.Name == "blog.kpalice.com", withPhp: args.Contains("--with-php"))),
            Expected.Canonical(envelope.Data));
    }

    [Fact]
    public void A_reseller_account_as_end_user_sees_its_own_domains_not_its_customers() =>
        Assert.Equal(
            Expected.Canonical(Expected.Domains(Panel, d => d.Owner == "kpres1")),
            Expected.Canonical(As(env.Reseller, "domains").Is("ok").Data));

    [Fact]
    public void Accounts_sharing_a_uid_are_one_end_user_to_the_kernel()
    {
        Assert.Equal(
            Expected.Canonical(Expected.Domains(Panel, d => d.Owner is "kpbob" or "kpdave")),
            Expected.Canonical(As(env.Bob, "domains").Is("ok").Data));
        Assert.Equal(
            Expected.Canonical(Expected.Domains(Panel, d => d.Owner == "kpdave")),
            Expected.Canonical(As(env.Bob, "domains", "--owner=kpdave").Is("ok").Data));
    }

    [Theory]
    [InlineData("--owner={}", "kpcarol", "kpnosuchuser")]
    [InlineData("-o {}", "kpcarol", "kpnosuchuser")]
    [InlineData("-o{}", "kpdave", "kpnosuchuser")]
    [InlineData("--owner {} --with-php", "kpres1", "kpnosuchuser")]
    [InlineData("--owner={}", "kpadmin", "kpnosuchuser")]
    [InlineData("--name={}", "kpcarol.io", "kpnosuch.io")]
    [InlineData("-n {}", "kpcarol.io", "kpnosuch.io")]
    [InlineData("--name={} --with-php", "kpbob.org", "kpnosuch.io")]
    public void Foreign_and_nonexistent_names_are_denied_alike(string template, string existing, string missing)
    {
        string[] Args(string name) => ["domains", .. template.Replace("{}", name, StringComparison.Ordinal).Split(' ')];

        foreach (var user in new[] { env.Alice, env.Carol, env.Stranger })
        {
            if (user == env.Carol && existing.StartsWith("kpcarol", StringComparison.Ordinal))
                continue;
            var a = As(user, Args(existing)).Is("PermissionDenied");
            var b = As(user, Args(missing)).Is("PermissionDenied");

            // The two answers differ in nothing but the name the caller gave.
            Assert.Equal(a.Run.Stdout.Replace(existing, "NAME", StringComparison.Ordinal), b.Run.Stdout.Replace(missing, "NAME", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("db_info")]
    [InlineData("packages")]
    [InlineData("packages", "--owner=kpadmin")]
    [InlineData("users")]
    [InlineData("users", "--username=kpalice")]
    [InlineData("users", "--unix-id=0")]
    [InlineData("users", "--fields=id")]
    [InlineData("resellers")]
    [InlineData("admins")]
    [InlineData("admins", "--is-main=true")]
    [InlineData("php")]
    public void Admin_only_scripts_are_denied_to_every_end_user(params string[] args)
    {
        foreach (var user in env.EndUsers)
            As(user, args).Is("PermissionDenied");
    }

    [Fact]
    public void Panel_info_is_the_same_for_every_caller()
    {
        var root = env.Install.Cpapi("panel_info");
        Envelope.Of(root).Is("ok");

        foreach (var user in env.EndUsers.Append(env.Admin))
            Assert.Equal(root.Stdout, As(user, "panel_info").Is("ok").Run.Stdout);
    }

    [Fact]
    public void A_user_without_an_account_owns_no_domain()
    {
        Assert.Equal("{}", Expected.Canonical(As(env.Stranger, "domains").Is("ok").Data));
        Assert.Equal("{}", Expected.Canonical(As(env.Stranger, "domains", "--with-php").Is("ok").Data));
    }

    [Theory]
    [InlineData("panel_info")]
    [InlineData("packages")]
    [InlineData("packages", "-o", "kpres1")]
    [InlineData("users")]
    [InlineData("users", "--fields=username,package", "--owner=kpres1")]
    [InlineData("users", "--username=nosuch")]
    [InlineData("domains")]
    [InlineData("domains", "--with-php")]
    [InlineData("domains", "--owner=kpcarol")]
    [InlineData("domains", "--name=kpnosuch.io")]
    [InlineData("resellers")]
    [InlineData("admins", "-m", "false")]
    [InlineData("php")]
    public void A_member_of_the_admin_group_sees_what_root_sees(params string[] args) =>
        Assert.Equal(env.Install.Cpapi(args).Stdout, Envelope.Of(env.Install.Cpapi(env.Admin, args)).Run.Stdout);

    [Fact]
    public void The_db_info_password_is_for_root_only()
    {
        // docs/contract.md section 6: the secret lives in a root-only file; an administrator who is not
        // root is told so rather than given a partial or empty answer.
        var envelope = As(env.Admin, "db_info").Is("PermissionDenied");

        Assert.DoesNotContain(Panel.Credential.Password, envelope.Run.Stdout);
        Assert.Contains(Panel.Credential.Password, env.Install.Cpapi("db_info").Stdout);
    }
}
