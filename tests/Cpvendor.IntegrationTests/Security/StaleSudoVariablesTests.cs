using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// The privileged copy trusts SUDO_UID only when sudo started it through the install's rule, that is
/// when SUDO_COMMAND names this copy running <c>cpapi</c>. A root shell from <c>sudo -s</c> carries the
/// sudo user's SUDO_UID into every tool it starts; such a call fails loudly instead of answering for
/// that user, and through the wrapper it is answered as the root it is. PROXYEXEC_UID must be a uid
/// in canonical form (docs/security.md).
/// </summary>
public sealed class StaleSudoVariablesTests : IClassFixture<PrivilegedPanelWithRootShell>
{
    private readonly PrivilegedPanelWithRootShell env;

    public StaleSudoVariablesTests(PrivilegedPanelWithRootShell env) => this.env = env;

    [Fact]
    public void A_root_shell_from_sudo_running_the_privileged_copy_fails_loudly()
    {
        var run = Run.Program("/usr/bin/sudo", ["-n", "/bin/sh", "-c", $"exec {env.Panel.PrivilegedCopy} cpapi domains"], env.Panel.Alice);

        var envelope = Envelope.Of(run).Is("InternalAPIError");
        Assert.Contains("SUDO_COMMAND", envelope.Message);
    }

    [Fact]
    public void A_root_shell_from_sudo_running_the_wrapper_is_answered_as_root()
    {
        var run = Run.Program("/usr/bin/sudo", ["-n", "/bin/sh", "-c", $"exec {env.Panel.Wrapper} cpapi users"], env.Panel.Alice);

        var envelope = Envelope.Of(run).Is("ok");
        Assert.Equal(env.Panel.Install.Cpapi("users").Stdout, envelope.Run.Stdout);
    }

    [Fact]
    public void The_sudo_rule_itself_still_answers_for_the_caller()
    {
        var envelope = env.Panel.Through(env.Panel.Alice, "domains").Is("ok");

        var own = env.Panel.Panel.AccountsOf(env.Panel.Alice.Uid).Select(u => u.Username).ToHashSet();
        Assert.NotEmpty(envelope.Data.EnumerateObject());
        Assert.All(envelope.Data.EnumerateObject(), d => Assert.Contains(d.Value.GetProperty("owner").GetString()!, own));
    }

    [Theory]
    [InlineData("0{0}")]
    [InlineData("00{0}")]
    [InlineData("4294967295")]
    [InlineData("4294967296")]
    public void A_PROXYEXEC_UID_not_in_canonical_form_fails_closed(string form)
    {
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, env.Panel.Alice.Uid);

        var run = Run.Program(env.Panel.PrivilegedCopy, ["cpapi", "domains"], environment: new Dictionary<string, string> { ["PROXYEXEC_UID"] = value });

        Envelope.Of(run).Is("InternalAPIError");
    }
}
