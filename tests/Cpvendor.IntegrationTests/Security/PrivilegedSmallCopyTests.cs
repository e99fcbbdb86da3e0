using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Privileged mode runs the small copy (<c>/usr/libexec/cpvendor/bin/cpvendor-cpapi</c>) as root through
/// the real sudo rule: root, an administrator and an end user get the full privileged copy's bytes from
/// the published answers, what it does not hold is handed to the full copy, which accepts sudo's
/// variables naming the small copy, and the identity attacks still fail closed (docs/security.md).
/// Whatever still answers while the full copy is moved away was answered by the small copy.
/// </summary>
public sealed class PrivilegedSmallCopyTests : IClassFixture<PrivilegedPanelWithRootShell>
{
    private readonly PrivilegedPanelWithRootShell env;

    public PrivilegedSmallCopyTests(PrivilegedPanelWithRootShell env) => this.env = env;

    private PrivilegedPanel Panel => env.Panel;

    private string AliceAccount => Panel.Panel.AccountsOf(Panel.Alice.Uid).First().Username;

    [Fact]
    public void Root_an_administrator_and_an_end_user_get_the_full_copys_bytes_from_the_small_copy()
    {
        var calls = new List<(RunAs? User, string[] Args)>();
        foreach (var user in new RunAs?[] { null, Panel.Admin })
            calls.AddRange(AdminCalls().Select(args => (user, args)));
        calls.AddRange(new[] { ["domains"], ["domains", "--with-php"], new[] { "panel_info" } }.Select(args => ((RunAs?)Panel.Alice, args)));
        var expected = calls.Select(call => Envelope.Of(Panel.FullCopyAnswer(call.User, call.Args)).Is("ok").Run.Stdout).ToList();

        using (Panel.WithoutFullCopy())
        {
            for (var i = 0; i < calls.Count; i++)
            {
                var (user, args) = calls[i];
                var run = user is null ? Run.Program(Panel.Wrapper, ["cpapi", .. args]) : Run.Program(Panel.Wrapper, ["cpapi", .. args], user);
                Assert.True(expected[i] == run.Stdout, $"{user?.Name ?? "root"} {string.Join(' ', args)}:\n{run}");
                Assert.Equal(0, run.ExitCode);
                Assert.Empty(run.Stderr);
            }
        }
    }

    [Fact]
    public void What_the_small_copy_does_not_hold_is_answered_by_the_full_copy_for_the_same_caller()
    {
        // Through sudo, the full copy sees SUDO_COMMAND naming the small copy, which exec'd it.
        var own = Panel.Through(Panel.Alice, "domains", "--owner", AliceAccount).Is("ok");
        Assert.Equal(Panel.FullCopyAnswer(Panel.Alice, "domains", "--owner", AliceAccount).Stdout, own.Run.Stdout);
        Panel.Through(Panel.Alice, "users").Is("PermissionDenied");
        Panel.Through(Panel.Admin, "db_info").Is("PermissionDenied");
        Assert.Equal(Panel.FullCopyAnswer(Panel.Admin, "users", "--owner", "kpres1").Stdout, Panel.Through(Panel.Admin, "users", "--owner", "kpres1").Is("ok").Run.Stdout);

        using (Panel.WithoutFullCopy())
        {
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Panel.Through(Panel.Alice, "domains", "--owner", AliceAccount).Message);
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Panel.Through(Panel.Admin, "db_info").Message);
        }
    }

    [Fact]
    public void A_forged_SUDO_UID_through_the_real_sudo_gets_the_small_copy_only_the_callers_own_answer()
    {
        var forged = new Dictionary<string, string>
        {
            ["SUDO_UID"] = Panel.Admin.Uid.ToString(CultureInfo.InvariantCulture),
            ["SUDO_USER"] = Panel.Admin.Name,
        };
        var expected = Panel.FullCopyAnswer(Panel.Alice, "domains").Stdout;

        using (Panel.WithoutFullCopy())
        {
            Assert.Equal(expected, Run.Program(Panel.Wrapper, ["cpapi", "domains"], Panel.Alice, forged).Stdout);
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(Run.Program(Panel.Wrapper, ["cpapi", "users"], Panel.Alice, forged)).Message);
        }
    }

    [Theory]
    [InlineData("domains")]
    [InlineData("users")]
    public void A_root_shell_from_sudo_running_the_small_copy_fails_loudly_and_the_small_copy_answers_nobody(string script)
    {
        string[] shell = ["-n", "/bin/sh", "-c", $"exec {Panel.SmallCopy} cpapi {script}"];

        var envelope = Envelope.Of(Run.Program("/usr/bin/sudo", shell, Panel.Alice)).Is("InternalAPIError");
        Assert.Contains("SUDO_COMMAND", envelope.Message);
        using (Panel.WithoutFullCopy())
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(Run.Program("/usr/bin/sudo", shell, Panel.Alice)).Message);
    }

    [Theory]
    [InlineData("0{0}")]
    [InlineData("4294967295")]
    [InlineData("{0} ")]
    public void A_PROXYEXEC_UID_not_in_canonical_form_fails_closed_on_the_small_copy(string form)
    {
        var value = string.Format(CultureInfo.InvariantCulture, form, Panel.Alice.Uid);
        var proxy = new Dictionary<string, string> { ["PROXYEXEC_UID"] = value };

        Envelope.Of(Run.Program(Panel.SmallCopy, ["cpapi", "domains"], environment: proxy)).Is("InternalAPIError");
        using (Panel.WithoutFullCopy())
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(Run.Program(Panel.SmallCopy, ["cpapi", "users"], environment: proxy)).Message);
    }

    [Fact]
    public void Both_escalation_paths_at_once_fail_closed_on_the_small_copy()
    {
        var both = new Dictionary<string, string>
        {
            ["PROXYEXEC_UID"] = Panel.Alice.Uid.ToString(CultureInfo.InvariantCulture),
            ["SUDO_UID"] = Panel.Alice.Uid.ToString(CultureInfo.InvariantCulture),
            ["SUDO_USER"] = Panel.Alice.Name,
            ["SUDO_COMMAND"] = Panel.SmallCopy + " cpapi domains",
        };

        Envelope.Of(Run.Program(Panel.SmallCopy, ["cpapi", "domains"], environment: both)).Is("InternalAPIError");
        using (Panel.WithoutFullCopy())
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(Run.Program(Panel.SmallCopy, ["cpapi", "users"], environment: both)).Message);
    }

    [Fact]
    public void The_small_copy_serves_cpapi_only()
    {
        var elsewhere = Path.Combine(Panel.Install.Dir, "elsewhere");

        var run = Run.Program(Panel.SmallCopy, ["install", "--root", elsewhere, "--store", Panel.Install.Store]);

        Assert.Equal(Core.ExitCodes.Invalid, run.ExitCode);
        Assert.False(Directory.Exists(elsewhere));
    }

    /// <summary>Administrators' calls the published answers hold.</summary>
    private IEnumerable<string[]> AdminCalls() =>
    [
        ["users"], ["users", "--fields=id,username"], ["users", "--unix-id", Panel.Alice.Uid.ToString(CultureInfo.InvariantCulture)],
        ["users", "--username", AliceAccount], ["users", "--username", AliceAccount, "--fields", "username,owner"],
        ["domains"], ["domains", "--name", "kpalice.com"], ["packages"], ["resellers"], ["admins"], ["php"], ["panel_info"],
    ];
}
